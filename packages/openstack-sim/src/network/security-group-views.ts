import { neutronError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { parseCidr } from './ip-allocator';
import { networkSlice, type SecurityGroup, type SecurityGroupRule } from './network-state';
import { badRequest, notFound, str, text, visible } from './neutron-http';
import { type RuleInput } from './security-group-service';

const protocolNumbers: Record<string, string> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58' };

export const renderRule = (rule: SecurityGroupRule) => ({
  ...rule,
  remote_address_group_id: null,
  normalized_cidr: rule.remote_ip_prefix,
});

/** Neutron's standard-attribute id: a stable number per resource (shown in embedded rules). */
const standardAttrId = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 7), 16);

export const renderGroup = (ctx: SimContext, group: SecurityGroup) => {
  const rules = networkSlice(ctx).securityGroupRules;
  const { rules: ids, ...rest } = group;
  return {
    ...rest,
    security_group_rules: ids.flatMap((id) => {
      const rule = rules[id];
      // Embedded rules carry the standard attributes (tags, standard_attr_id) too.
      return rule
        ? [{ ...renderRule(rule), tags: [], standard_attr_id: standardAttrId(rule.id) }]
        : [];
    }),
    shared: false,
  };
};

export const findGroup = (ctx: SimContext, caller: SimCaller, id: string) => {
  const group = networkSlice(ctx).securityGroups[id];
  if (!group || !visible(caller, group)) {
    throw notFound('SecurityGroupNotFound', `Security group ${id} does not exist`);
  }
  return group;
};

const port = (value: unknown, field: string): number | null => {
  if (value === undefined || value === null) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw neutronError(
      400,
      'SecurityGroupInvalidPortValue',
      `Invalid value for port ${text(value)}.`,
    );
  }
  void field;
  return n;
};

export const parseRule = (
  ctx: SimContext,
  caller: SimCaller,
  body: Record<string, unknown>,
): RuleInput => {
  const groupId = str(body.security_group_id, 'security_group_id');
  if (!groupId)
    throw badRequest(
      "Failed to parse request. Required attribute 'security_group_id' not specified",
    );
  findGroup(ctx, caller, groupId);
  const direction = str(body.direction, 'direction');
  if (direction !== 'ingress' && direction !== 'egress') {
    throw badRequest(
      `Invalid input for direction. Reason: '${String(direction)}' is not in ['ingress', 'egress'].`,
    );
  }
  const ethertype = str(body.ethertype, 'ethertype') ?? 'IPv4';
  if (ethertype !== 'IPv4' && ethertype !== 'IPv6') {
    throw badRequest(
      `Invalid input for ethertype. Reason: '${ethertype}' is not in ['IPv4', 'IPv6'].`,
    );
  }
  const rawProtocol = body.protocol === null ? undefined : body.protocol;
  const protocol = rawProtocol === undefined ? null : text(rawProtocol).toLowerCase();
  if (
    protocol !== null &&
    protocol !== 'any' &&
    !(protocol in protocolNumbers) &&
    !/^\d+$/.test(protocol)
  ) {
    throw neutronError(
      400,
      'SecurityGroupRuleInvalidProtocol',
      `Security group rule protocol ${protocol} not supported. Only protocol values [None, 'tcp', 'udp', 'icmp', 'icmpv6'] and integer representations [0 to 255] are supported.`,
    );
  }
  const min = port(body.port_range_min, 'port_range_min');
  const max = port(body.port_range_max, 'port_range_max');
  if (
    (min !== null || max !== null) &&
    (protocol === 'tcp' || protocol === 'udp') &&
    (min === null || max === null || min > max)
  ) {
    throw neutronError(
      400,
      'SecurityGroupInvalidPortRange',
      'For TCP/UDP protocols, port_range_min must be <= port_range_max',
    );
  }
  if ((min !== null || max !== null) && protocol === null) {
    throw neutronError(
      400,
      'SecurityGroupProtocolRequiredWithPorts',
      'Must also specify protocol if port range is given.',
    );
  }
  // Neutron's validators (subnet_or_none, uuid_or_none) take an explicit null as "none".
  const prefix =
    body.remote_ip_prefix === null
      ? null
      : (str(body.remote_ip_prefix, 'remote_ip_prefix') ?? null);
  const remoteGroup =
    body.remote_group_id === null ? null : (str(body.remote_group_id, 'remote_group_id') ?? null);
  if (prefix && remoteGroup) {
    throw neutronError(
      400,
      'SecurityGroupRemoteGroupAndRemoteIpPrefix',
      'Only remote_ip_prefix or remote_group_id may be provided.',
    );
  }
  let normalized: string | null = null;
  if (prefix) {
    const withMask = prefix.includes('/') ? prefix : `${prefix}/${prefix.includes(':') ? 128 : 32}`;
    const cidr = parseCidr(withMask);
    if (!cidr)
      throw badRequest(
        `Invalid input for remote_ip_prefix. Reason: '${prefix}' isn't a recognized IP subnet cidr.`,
      );
    if ((cidr.version === 4) !== (ethertype === 'IPv4')) {
      throw neutronError(
        400,
        'SecurityGroupRuleParameterConflict',
        `Conflicting value ethertype ${ethertype} for CIDR ${prefix}`,
      );
    }
    normalized = withMask;
  }
  if (remoteGroup) findGroup(ctx, caller, remoteGroup);
  return {
    security_group_id: groupId,
    direction,
    ethertype,
    protocol: protocol === 'any' ? null : protocol,
    port_range_min: min,
    port_range_max: max,
    remote_ip_prefix: normalized,
    remote_group_id: remoteGroup,
    description: str(body.description, 'description') ?? '',
  };
};
