import { z } from 'zod';
import { observationOf } from '../../resources/observation-of';
import { defineTask } from '../../tasks/task-definition';
import { firewallOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({ ruleExternalIds: z.array(z.string()) });

/** Replace the rules (in order): submit (the same list again is harmless) → record. */
export const updateFirewallPolicyTask = defineTask({
  action: 'firewall-policy.update',
  input,
  steps: ['submit', 'record'],
  async run(rt) {
    const { ruleExternalIds } = rt.input;
    const policy = await rt.step(
      'submit',
      async () => ({
        ...(await firewallOf(rt.provider).updateFirewallPolicyRules(
          rt.scope,
          rt.target(),
          ruleExternalIds,
          rt.call,
        )),
      }),
      { resend: true },
    );
    const resourceId = await rt.observe(observationOf('firewall-policy', policy));
    return {
      detail: m('fwp-now', { name: policy.name, rules: policy.ruleExternalIds.length }),
      resourceId,
    };
  },
});
