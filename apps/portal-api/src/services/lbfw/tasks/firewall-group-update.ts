import { z } from 'zod';
import { observationOf } from '../../resources/observation-of';
import { defineTask } from '../../tasks/task-definition';
import { groupWords, waitForFirewallGroup } from './firewall-group-kit';
import { firewallOf } from '../../../cloud/sub-port';

const input = z.object({
  patch: z.object({
    name: z.string().optional(),
    ingressPolicyExternalId: z.string().nullable().optional(),
    egressPolicyExternalId: z.string().nullable().optional(),
    portExternalIds: z.array(z.string()).optional(),
    adminStateUp: z.boolean().optional(),
  }),
});

/** submit the patch (the same patch again is harmless) → wait until settled → record. */
export const updateFirewallGroupTask = defineTask({
  action: 'firewall-group.update',
  input,
  async run(rt) {
    const { patch } = rt.input;
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await firewallOf(rt.provider).updateFirewallGroup(
          rt.scope,
          id,
          Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
          rt.call,
        );
        return null;
      },
      { resend: true },
    );
    const group = await waitForFirewallGroup(rt, id);
    const resourceId = await rt.observe(observationOf('firewall-group', group));
    return { detail: groupWords(group), resourceId };
  },
});
