import { z } from 'zod';
import { observationOf } from '../../resources/observation-of';
import { defineTask } from '../../tasks/task-definition';
import { groupWords, waitForFirewallGroup } from './firewall-group-kit';
import { firewallOf } from '../../../cloud/sub-port';

const input = z.object({
  name: z.string(),
  description: z.string(),
  ingressPolicyExternalId: z.string().nullable(),
  egressPolicyExternalId: z.string().nullable(),
  portExternalIds: z.array(z.string()),
  adminStateUp: z.boolean(),
});

/** submit → wait until settled (ACTIVE with ports, INACTIVE without) → record. */
export const createFirewallGroupTask = defineTask({
  action: 'firewall-group.create',
  input,
  async run(rt) {
    const spec = rt.input;
    const created = await rt.step('submit', async () => {
      const { description, ...rest } = spec;
      const group = await firewallOf(rt.provider).createFirewallGroup(
        rt.scope,
        { ...rest, ...(description ? { description } : {}) },
        rt.call,
      );
      return { externalId: group.externalId };
    });
    await rt.setTarget(created.externalId);
    const group = await waitForFirewallGroup(rt, created.externalId);
    const resourceId = await rt.observe(observationOf('firewall-group', group));
    return { detail: groupWords(group), resourceId };
  },
});
