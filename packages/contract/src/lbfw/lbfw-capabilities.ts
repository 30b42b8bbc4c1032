import type { ResourceKind } from '../resources/resource-kinds';

/**
 * The datacenter capability each firewall/load-balancer kind needs (as listed by
 * GET /api/v1/catalog/datacenters): without it, creates are refused and the web hides them.
 */
export const capabilityOfLbfwKind = {
  'firewall-rule': 'firewall',
  'firewall-policy': 'firewall',
  'firewall-group': 'firewall',
  'load-balancer': 'load-balancer',
} as const satisfies Partial<Record<ResourceKind, string>>;
export type LbfwKind = keyof typeof capabilityOfLbfwKind;

/** Whether a datacenter with these capabilities can hold objects of this kind. */
export const datacenterHasLbfw = (capabilities: readonly string[], kind: LbfwKind): boolean =>
  capabilities.includes(capabilityOfLbfwKind[kind]);
