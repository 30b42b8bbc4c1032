import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { targetOf } from './target-of';
import { firewallOf } from '../../../cloud/sub-port';

/** submit (idempotent) → record. */
export const deleteFirewallPolicyTask: ResourceTaskHandler = {
  action: 'firewall-policy.delete',
  steps: ['submit', 'record'],
  async run(rt) {
    const id = targetOf(rt);
    await rt.step(
      'submit',
      async () => {
        await firewallOf(rt.provider).deleteFirewallPolicy(rt.scope, id, rt.call);
        return null;
      },
      { resend: true },
    );
    await rt.observeGone('firewall-policy', id);
    return { detail: `firewall policy ${rt.task().targetName} deleted` };
  },
};
