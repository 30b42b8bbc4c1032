import { stepMessage as m } from '@yunguan/contract';
import { defineTask, noInput } from '../../tasks/task-definition';
import { orGone } from '../../tasks/or-gone';
import { judgeFirewallGroup } from './firewall-group-kit';
import { firewallOf } from '../../../cloud/sub-port';

/**
 * ports (a group bound to ports is still active: release them first, then wait until it
 * settles) → submit the delete (idempotent) → record.
 */
export const deleteFirewallGroupTask = defineTask({
  action: 'firewall-group.delete',
  input: noInput,
  steps: ['ports', 'wait', 'submit', 'record'],
  async run(rt) {
    const id = rt.target();
    const released = await rt.step(
      'ports',
      async () => {
        const group = await orGone(() =>
          firewallOf(rt.provider).getFirewallGroup(rt.scope, id, rt.call),
        );
        if (!group || group.portExternalIds.length === 0) return 0;
        await firewallOf(rt.provider).updateFirewallGroup(
          rt.scope,
          id,
          { portExternalIds: [] },
          rt.call,
        );
        return group.portExternalIds.length;
      },
      { resend: true, detail: (n) => m('fwg-ports-released', { count: n }) },
    );
    await rt.waitUntil(
      'wait',
      () => orGone(() => firewallOf(rt.provider).getFirewallGroup(rt.scope, id, rt.call)),
      (group) => (group ? judgeFirewallGroup(group) : { state: 'done', detail: m('gone') }),
    );
    await rt.step(
      'submit',
      async () => {
        await firewallOf(rt.provider).deleteFirewallGroup(rt.scope, id, rt.call);
        return null;
      },
      { resend: true },
    );
    await rt.observeGone('firewall-group', id);
    return {
      detail: m('fwg-deleted', { name: rt.task().targetName, released }),
    };
  },
});
