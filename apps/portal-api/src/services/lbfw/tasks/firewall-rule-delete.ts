import { defineTask, noInput } from '../../tasks/task-definition';
import { firewallOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** submit (idempotent) → record. */
export const deleteFirewallRuleTask = defineTask({
  action: 'firewall-rule.delete',
  input: noInput,
  steps: ['submit', 'record'],
  async run(rt) {
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await firewallOf(rt.provider).deleteFirewallRule(rt.scope, id, rt.call);
        return null;
      },
      { resend: true },
    );
    await rt.observeGone('firewall-rule', id);
    return { detail: m('deleted', { kind: 'firewall-rule', name: rt.task().targetName }) };
  },
});
