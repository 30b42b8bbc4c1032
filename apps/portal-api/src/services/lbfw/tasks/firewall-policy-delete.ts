import { defineDeleteTask } from '../../tasks/define-delete-task';
import { firewallOf } from '../../../cloud/sub-port';

/** firewall-policy.delete: submit (idempotent) → record. */
export const deleteFirewallPolicyTask = defineDeleteTask({
  action: 'firewall-policy.delete',
  kind: 'firewall-policy',
  submit: (rt, id) => firewallOf(rt.provider).deleteFirewallPolicy(rt.scope, id, rt.call),
});
