import { z } from 'zod';
import { observationOf } from '../../resources/observation-of';
import { defineTask } from '../../tasks/task-definition';
import { firewallOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

const input = z.object({
  name: z.string(),
  description: z.string(),
  ruleExternalIds: z.array(z.string()),
  audited: z.boolean(),
});

/** Neutron answers at once: submit → record. */
export const createFirewallPolicyTask = defineTask({
  action: 'firewall-policy.create',
  input,
  steps: ['submit', 'record'],
  async run(rt) {
    const spec = rt.input;
    const policy = await rt.step('submit', async () => ({
      ...(await firewallOf(rt.provider).createFirewallPolicy(
        rt.scope,
        {
          name: spec.name,
          ruleExternalIds: spec.ruleExternalIds,
          audited: spec.audited,
          ...(spec.description ? { description: spec.description } : {}),
        },
        rt.call,
      )),
    }));
    await rt.setTarget(policy.externalId);
    const resourceId = await rt.observe(observationOf('firewall-policy', policy));
    return {
      detail: m('fwp-rules', { name: policy.name, rules: policy.ruleExternalIds.length }),
      resourceId,
    };
  },
});
