import type { Contract } from '../define-contract';
import { firewallGroupContracts } from './firewall-group.contracts';
import { firewallPolicyContracts } from './firewall-policy.contracts';
import { firewallRuleContracts } from './firewall-rule.contracts';
import { loadBalancerContracts } from './load-balancer.contracts';

export * from './lbfw-messages';
export * from './firewall.schema';
export * from './load-balancer.schema';
export * from './firewall-rule.contracts';
export * from './firewall-policy.contracts';
export * from './firewall-group.contracts';
export * from './load-balancer.contracts';
export * from './lbfw-capabilities';

/** Firewalls (FWaaS v2) and load balancers (M1.5). */
export const lbfwContracts: readonly Contract[] = [
  ...firewallRuleContracts,
  ...firewallPolicyContracts,
  ...firewallGroupContracts,
  ...loadBalancerContracts,
];
