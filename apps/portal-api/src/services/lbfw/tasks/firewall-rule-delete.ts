import type { ResourceTaskHandler } from '../../resources/resource-task-handler';
import { targetOf } from './target-of';
import { firewallOf } from '../../../cloud/sub-port';

/** submit (idempotent) → record. */
export const deleteFirewallRuleTask: ResourceTaskHandler = {
  action: 'firewall-rule.delete',
  steps: ['submit', 'record'],
  async run(rt) {
    const id = targetOf(rt);
    await rt.step(
      'submit',
      async () => {
        await firewallOf(rt.provider).deleteFirewallRule(rt.scope, id, rt.call);
        return null;
      },
      { resend: true },
    );
    await rt.observeGone('firewall-rule', id);
    return { detail: `firewall rule ${rt.task().targetName} deleted` };
  },
};
