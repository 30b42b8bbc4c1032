import { neutronError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { parseCidr } from './ip-allocator';
import { networkSlice, touch, type SecurityGroup, type SecurityGroupRule } from './network-state';
import {
  V2,
  badRequest,
  bodyOf,
  checkQuota,
  listReply,
  notFound,
  ownerOf,
  showReply,
  str,
  text,
  visible,
  type Scope,
} from './neutron-http';
import {
  addRule,
  createSecurityGroup,
  ensureDefaultSecurityGroup,
  sameRule,
  type RuleInput,
} from './security-group-service';

const protocolNumbers: Record<string, string> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58' };

export const renderRule = (rule: SecurityGroupRule) => ({
  ...rule,
  remote_address_group_id: null,
  normalized_cidr: rule.remote_ip_prefix,
  tags: [],
});

const renderGroup = (ctx: SimContext, group: SecurityGroup) => {
  const rules = networkSlice(ctx).securityGroupRules;
  const { rules: ids, ...rest } = group;
  return {
    ...rest,
    security_group_rules: ids.flatMap((id) => (rules[id] ? [renderRule(rules[id])] : [])),
    shared: false,
  };
};

const findGroup = (ctx: SimContext, caller: SimCaller, id: string) => {
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

const parseRule = (
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
  const prefix = str(body.remote_ip_prefix, 'remote_ip_prefix') ?? null;
  const remoteGroup = str(body.remote_group_id, 'remote_group_id') ?? null;
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

export const registerSecurityGroupRoutes = (app: Scope, ctx: SimContext) => {
  app.get(`${V2}/security-groups`, (request) => {
    const caller = ctx.caller(request);
    ensureDefaultSecurityGroup(ctx, caller.projectId);
    const rows = Object.values(networkSlice(ctx).securityGroups)
      .filter((g) => visible(caller, g))
      .map((g) => renderGroup(ctx, g));
    return listReply(request, 'security_groups', rows);
  });

  app.get<{ Params: { id: string } }>(`${V2}/security-groups/:id`, (request) => {
    const caller = ctx.caller(request);
    ensureDefaultSecurityGroup(ctx, caller.projectId);
    return showReply(
      request,
      'security_group',
      renderGroup(ctx, findGroup(ctx, caller, request.params.id)),
    );
  });

  app.post(`${V2}/security-groups`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'security_group');
    const projectId = ownerOf(caller, body);
    ensureDefaultSecurityGroup(ctx, projectId);
    const name = str(body.name, 'name') ?? '';
    if (name === 'default') {
      throw neutronError(
        409,
        'SecurityGroupDefaultAlreadyExists',
        'Default security group already exists.',
      );
    }
    const used = Object.values(networkSlice(ctx).securityGroups).filter(
      (g) => g.project_id === projectId,
    ).length;
    checkQuota(ctx, projectId, 'security_group', used);
    const group = createSecurityGroup(
      ctx,
      projectId,
      name,
      str(body.description, 'description') ?? '',
    );
    return reply.code(201).send({ security_group: renderGroup(ctx, group) });
  });

  app.put<{ Params: { id: string } }>(`${V2}/security-groups/:id`, (request) => {
    const caller = ctx.caller(request);
    const group = findGroup(ctx, caller, request.params.id);
    const body = bodyOf(request, 'security_group');
    if (group.name === 'default' && body.name !== undefined && body.name !== 'default') {
      throw neutronError(
        409,
        'SecurityGroupCannotUpdateDefault',
        'Updating default security group not allowed.',
      );
    }
    group.name = str(body.name, 'name') ?? group.name;
    group.description = str(body.description, 'description') ?? group.description;
    touch(ctx, group);
    ctx.store.changed();
    return { security_group: renderGroup(ctx, group) };
  });

  app.delete<{ Params: { id: string } }>(`${V2}/security-groups/:id`, (request, reply) => {
    const caller = ctx.caller(request);
    const group = findGroup(ctx, caller, request.params.id);
    const slice = networkSlice(ctx);
    if (group.name === 'default' && !caller.isAdmin) {
      throw neutronError(
        409,
        'SecurityGroupCannotRemoveDefault',
        'Removing default security group not allowed.',
      );
    }
    if (Object.values(slice.ports).some((p) => p.security_groups.includes(group.id))) {
      throw neutronError(409, 'SecurityGroupInUse', `Security Group ${group.id} in use.`);
    }
    for (const id of group.rules) delete slice.securityGroupRules[id];
    delete slice.securityGroups[group.id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get(`${V2}/security-group-rules`, (request) => {
    const caller = ctx.caller(request);
    const rows = Object.values(networkSlice(ctx).securityGroupRules)
      .filter((r) => visible(caller, r))
      .map(renderRule);
    return listReply(request, 'security_group_rules', rows);
  });

  app.get<{ Params: { id: string } }>(`${V2}/security-group-rules/:id`, (request) => {
    const rule = networkSlice(ctx).securityGroupRules[request.params.id];
    if (!rule || !visible(ctx.caller(request), rule)) {
      throw notFound(
        'SecurityGroupRuleNotFound',
        `Security group rule ${request.params.id} does not exist`,
      );
    }
    return showReply(request, 'security_group_rule', renderRule(rule));
  });

  app.post(`${V2}/security-group-rules`, (request, reply) => {
    const caller = ctx.caller(request);
    const input = parseRule(ctx, caller, bodyOf(request, 'security_group_rule'));
    const slice = networkSlice(ctx);
    const group = findGroup(ctx, caller, input.security_group_id);
    const duplicate = group.rules
      .map((id) => slice.securityGroupRules[id])
      .find((r) => r && sameRule(r, input));
    if (duplicate) {
      throw neutronError(
        409,
        'SecurityGroupRuleExists',
        `Security group rule already exists. Rule id is ${duplicate.id}.`,
      );
    }
    const used = Object.values(slice.securityGroupRules).filter(
      (r) => r.project_id === group.project_id,
    ).length;
    checkQuota(ctx, group.project_id, 'security_group_rule', used);
    const rule = addRule(ctx, group, input);
    ctx.store.changed();
    return reply.code(201).send({ security_group_rule: renderRule(rule) });
  });

  app.delete<{ Params: { id: string } }>(`${V2}/security-group-rules/:id`, (request, reply) => {
    const slice = networkSlice(ctx);
    const rule = slice.securityGroupRules[request.params.id];
    if (!rule || !visible(ctx.caller(request), rule)) {
      throw notFound(
        'SecurityGroupRuleNotFound',
        `Security group rule ${request.params.id} does not exist`,
      );
    }
    const group = slice.securityGroups[rule.security_group_id];
    if (group) group.rules = group.rules.filter((id) => id !== rule.id);
    delete slice.securityGroupRules[rule.id];
    ctx.store.changed();
    return reply.code(204).send();
  });
};
