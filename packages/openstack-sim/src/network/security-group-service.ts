import type { SimContext } from '../core/sim-context';
import {
  networkSlice,
  newId,
  owned,
  stamp,
  type SecurityGroup,
  type SecurityGroupRule,
} from './network-state';

export type RuleInput = Omit<
  SecurityGroupRule,
  'id' | 'project_id' | 'tenant_id' | 'created_at' | 'updated_at' | 'revision_number'
>;

export const addRule = (ctx: SimContext, group: SecurityGroup, input: RuleInput) => {
  const now = stamp(ctx);
  const rule: SecurityGroupRule = {
    ...input,
    id: newId(),
    project_id: group.project_id,
    tenant_id: group.project_id,
    created_at: now,
    updated_at: now,
    revision_number: 0,
  };
  networkSlice(ctx).securityGroupRules[rule.id] = rule;
  group.rules.push(rule.id);
  return rule;
};

/** Same rule = same direction, ethertype, protocol, ports and remote (what Neutron compares). */
export const sameRule = (a: RuleInput, b: RuleInput) =>
  a.security_group_id === b.security_group_id &&
  a.direction === b.direction &&
  a.ethertype === b.ethertype &&
  (a.protocol ?? null) === (b.protocol ?? null) &&
  (a.port_range_min ?? null) === (b.port_range_min ?? null) &&
  (a.port_range_max ?? null) === (b.port_range_max ?? null) &&
  (a.remote_ip_prefix ?? null) === (b.remote_ip_prefix ?? null) &&
  (a.remote_group_id ?? null) === (b.remote_group_id ?? null);

export const createSecurityGroup = (
  ctx: SimContext,
  projectId: string,
  name: string,
  description: string,
): SecurityGroup => {
  const group: SecurityGroup = {
    ...owned(ctx, projectId, name, description),
    stateful: true,
    rules: [],
  };
  networkSlice(ctx).securityGroups[group.id] = group;
  for (const ethertype of ['IPv4', 'IPv6'] as const) {
    addRule(ctx, group, {
      security_group_id: group.id,
      direction: 'egress',
      ethertype,
      protocol: null,
      port_range_min: null,
      port_range_max: null,
      remote_ip_prefix: null,
      remote_group_id: null,
      // Rules Neutron makes itself carry no description (null), unlike API-created ones ('').
      description: null,
    });
  }
  ctx.store.changed();
  return group;
};

/** Neutron creates a project's "default" group on first use: all egress, ingress from itself. */
export const ensureDefaultSecurityGroup = (ctx: SimContext, projectId: string): SecurityGroup => {
  const existing = Object.values(networkSlice(ctx).securityGroups).find(
    (g) => g.project_id === projectId && g.name === 'default',
  );
  if (existing) return existing;
  const group = createSecurityGroup(ctx, projectId, 'default', 'Default security group');
  for (const ethertype of ['IPv4', 'IPv6'] as const) {
    addRule(ctx, group, {
      security_group_id: group.id,
      direction: 'ingress',
      ethertype,
      protocol: null,
      port_range_min: null,
      port_range_max: null,
      remote_ip_prefix: null,
      remote_group_id: group.id,
      description: null,
    });
  }
  ctx.store.changed();
  return group;
};
