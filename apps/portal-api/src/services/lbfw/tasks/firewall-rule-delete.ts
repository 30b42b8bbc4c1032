import { defineDeleteTask } from '../../tasks/define-delete-task';
import { firewallOf } from '../../../cloud/sub-port';

/** firewall-rule.delete: submit (idempotent) → record. */
export const deleteFirewallRuleTask = defineDeleteTask({
  action: 'firewall-rule.delete',
  kind: 'firewall-rule',
  submit: (rt, id) => firewallOf(rt.provider).deleteFirewallRule(rt.scope, id, rt.call),
});
