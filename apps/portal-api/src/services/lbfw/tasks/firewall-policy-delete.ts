import { defineTask, noInput } from '../../tasks/task-definition';
import { firewallOf } from '../../../cloud/sub-port';
import { stepMessage as m } from '@yunguan/contract';

/** submit (idempotent) → record. */
export const deleteFirewallPolicyTask = defineTask({
  action: 'firewall-policy.delete',
  input: noInput,
  steps: ['submit', 'record'],
  async run(rt) {
    const id = rt.target();
    await rt.step(
      'submit',
      async () => {
        await firewallOf(rt.provider).deleteFirewallPolicy(rt.scope, id, rt.call);
        return null;
      },
      { resend: true },
    );
    await rt.observeGone('firewall-policy', id);
    return { detail: m('deleted', { kind: 'firewall-policy', name: rt.task().targetName }) };
  },
});
