import { z } from 'zod';
import { observationOf } from '../../resources/observation-of';
import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { targetOf } from './target-of';
import { firewallOf } from '../../../cloud/sub-port';

const input = z.object({ ruleExternalIds: z.array(z.string()) });

/** Replace the rules (in order): submit (the same list again is harmless) → record. */
export const updateFirewallPolicyTask: ResourceTaskHandler = {
  action: 'firewall-policy.update',
  steps: ['submit', 'record'],
  async run(rt) {
    const { ruleExternalIds } = input.parse(rt.input);
    const policy = await rt.step(
      'submit',
      async () => ({
        ...(await firewallOf(rt.provider).updateFirewallPolicyRules(
          rt.scope,
          targetOf(rt),
          ruleExternalIds,
          rt.call,
        )),
      }),
      { resend: true },
    );
    const resourceId = await rt.observe(observationOf('firewall-policy', policy));
    return {
      detail: `firewall policy ${policy.name} now has ${policy.ruleExternalIds.length} rule(s)`,
      resourceId,
    };
  },
};
