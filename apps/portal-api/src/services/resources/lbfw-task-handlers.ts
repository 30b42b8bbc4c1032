import { createFirewallGroupTask } from '../lbfw/tasks/firewall-group-create';
import { deleteFirewallGroupTask } from '../lbfw/tasks/firewall-group-delete';
import { updateFirewallGroupTask } from '../lbfw/tasks/firewall-group-update';
import { createFirewallPolicyTask } from '../lbfw/tasks/firewall-policy-create';
import { deleteFirewallPolicyTask } from '../lbfw/tasks/firewall-policy-delete';
import { updateFirewallPolicyTask } from '../lbfw/tasks/firewall-policy-update';
import { createFirewallRuleTask } from '../lbfw/tasks/firewall-rule-create';
import { deleteFirewallRuleTask } from '../lbfw/tasks/firewall-rule-delete';
import { addHealthMonitorTask } from '../lbfw/tasks/load-balancer-add-health-monitor';
import { addListenerTask } from '../lbfw/tasks/load-balancer-add-listener';
import { addMemberTask } from '../lbfw/tasks/load-balancer-add-member';
import { addPoolTask } from '../lbfw/tasks/load-balancer-add-pool';
import { createLoadBalancerTask } from '../lbfw/tasks/load-balancer-create';
import { deleteLoadBalancerTask } from '../lbfw/tasks/load-balancer-delete';
import { removeHealthMonitorTask } from '../lbfw/tasks/load-balancer-remove-health-monitor';
import { removeListenerTask } from '../lbfw/tasks/load-balancer-remove-listener';
import { removeMemberTask } from '../lbfw/tasks/load-balancer-remove-member';
import { removePoolTask } from '../lbfw/tasks/load-balancer-remove-pool';
import type { TaskDefinition } from '../tasks/task-definition';

/** Task code of the firewall and load-balancer actions. */
export const lbfwTaskHandlers: readonly TaskDefinition[] = [
  createFirewallRuleTask,
  deleteFirewallRuleTask,
  createFirewallPolicyTask,
  updateFirewallPolicyTask,
  deleteFirewallPolicyTask,
  createFirewallGroupTask,
  updateFirewallGroupTask,
  deleteFirewallGroupTask,
  createLoadBalancerTask,
  deleteLoadBalancerTask,
  addListenerTask,
  removeListenerTask,
  addPoolTask,
  removePoolTask,
  addMemberTask,
  removeMemberTask,
  addHealthMonitorTask,
  removeHealthMonitorTask,
];
