import { neutronError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { networkSlice, owned, touch } from './network-state';
import {
  V2,
  badRequest,
  bodyOf,
  bool,
  listReply,
  notFound,
  ownerOf,
  showReply,
  str,
  text,
  visible,
  type Scope,
} from './neutron-http';

/** FWaaS v2 records, kept in the network slice under `fwaas` (created on first use). */
type FwRule = ReturnType<typeof owned> & {
  protocol: string | null;
  action: 'allow' | 'deny' | 'reject';
  ip_version: 4 | 6;
  source_ip_address: string | null;
  destination_ip_address: string | null;
  source_port: string | null;
  destination_port: string | null;
  enabled: boolean;
  shared: boolean;
};
type FwPolicy = ReturnType<typeof owned> & {
  firewall_rules: string[];
  audited: boolean;
  shared: boolean;
};
type FwGroup = ReturnType<typeof owned> & {
  ingress_firewall_policy_id: string | null;
  egress_firewall_policy_id: string | null;
  ports: string[];
  admin_state_up: boolean;
  status: string;
  shared: boolean;
};
type Fwaas = {
  rules: Record<string, FwRule>;
  policies: Record<string, FwPolicy>;
  groups: Record<string, FwGroup>;
};

const fwaasOf = (ctx: SimContext): Fwaas => {
  const slice = networkSlice(ctx) as ReturnType<typeof networkSlice> & { fwaas?: Fwaas };
  slice.fwaas ??= { rules: {}, policies: {}, groups: {} };
  return slice.fwaas;
};

const F = `${V2}/fwaas`;
type IdParams = { Params: { id: string } };

const ruleFields = (body: Record<string, unknown>, rule?: FwRule) => {
  const action = str(body.action, 'action') ?? rule?.action ?? 'deny';
  if (!['allow', 'deny', 'reject'].includes(action)) {
    throw badRequest(
      `Invalid input for action. Reason: '${action}' is not in ['allow', 'deny', 'reject'].`,
    );
  }
  const protocol =
    body.protocol === null ? null : (str(body.protocol, 'protocol') ?? rule?.protocol ?? null);
  const port = (key: 'source_port' | 'destination_port') =>
    body[key] === null
      ? null
      : (str(body[key] === undefined ? undefined : text(body[key]), key) ?? rule?.[key] ?? null);
  const sourcePort = port('source_port');
  const destinationPort = port('destination_port');
  if ((sourcePort || destinationPort) && protocol !== 'tcp' && protocol !== 'udp') {
    throw neutronError(
      400,
      'FirewallRuleInvalidICMPParameter',
      'Source, destination port are not allowed when protocol is set to ICMP.',
    );
  }
  const ip_version: 4 | 6 = Number(body.ip_version ?? rule?.ip_version ?? 4) === 6 ? 6 : 4;
  return {
    action: action as FwRule['action'],
    protocol,
    ip_version,
    source_ip_address:
      str(body.source_ip_address, 'source_ip_address') ?? rule?.source_ip_address ?? null,
    destination_ip_address:
      str(body.destination_ip_address, 'destination_ip_address') ??
      rule?.destination_ip_address ??
      null,
    source_port: sourcePort,
    destination_port: destinationPort,
    enabled: bool(body.enabled, 'enabled') ?? rule?.enabled ?? true,
    shared: bool(body.shared, 'shared') ?? rule?.shared ?? false,
  };
};

export const registerFwaasRoutes = (app: Scope, ctx: SimContext) => {
  const find = <T extends { project_id: string; shared: boolean }>(
    table: Record<string, T>,
    id: string,
    type: string,
    caller: ReturnType<SimContext['caller']>,
  ): T => {
    const row = table[id];
    if (!row || !(visible(caller, row) || row.shared))
      throw notFound(`${type}NotFound`, `${type} ${id} could not be found.`);
    return row;
  };
  const policyIn = (policyId: string | null) =>
    policyId
      ? find(fwaasOf(ctx).policies, policyId, 'FirewallPolicy', {
          userId: '',
          projectId: '',
          domainId: '',
          roles: [],
          isAdmin: true,
        })
      : null;

  app.get(`${F}/firewall_rules`, (request) => {
    const caller = ctx.caller(request);
    return listReply(
      request,
      'firewall_rules',
      Object.values(fwaasOf(ctx).rules).filter((r) => visible(caller, r) || r.shared),
    );
  });
  app.get<IdParams>(`${F}/firewall_rules/:id`, (request) =>
    showReply(
      request,
      'firewall_rule',
      find(fwaasOf(ctx).rules, request.params.id, 'FirewallRule', ctx.caller(request)),
    ),
  );
  app.post(`${F}/firewall_rules`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'firewall_rule');
    const rule: FwRule = {
      ...owned(
        ctx,
        ownerOf(caller, body),
        str(body.name, 'name') ?? '',
        str(body.description, 'description') ?? '',
      ),
      ...ruleFields(body),
    };
    fwaasOf(ctx).rules[rule.id] = rule;
    ctx.store.changed();
    return reply.code(201).send({ firewall_rule: rule });
  });
  app.put<IdParams>(`${F}/firewall_rules/:id`, (request) => {
    const rule = find(fwaasOf(ctx).rules, request.params.id, 'FirewallRule', ctx.caller(request));
    const body = bodyOf(request, 'firewall_rule');
    Object.assign(rule, ruleFields(body, rule), { name: str(body.name, 'name') ?? rule.name });
    touch(ctx, rule);
    ctx.store.changed();
    return { firewall_rule: rule };
  });
  app.delete<IdParams>(`${F}/firewall_rules/:id`, (request, reply) => {
    const fw = fwaasOf(ctx);
    const rule = find(fw.rules, request.params.id, 'FirewallRule', ctx.caller(request));
    if (Object.values(fw.policies).some((p) => p.firewall_rules.includes(rule.id))) {
      throw neutronError(409, 'FirewallRuleInUse', `Firewall rule ${rule.id} is being used.`);
    }
    delete fw.rules[rule.id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get(`${F}/firewall_policies`, (request) => {
    const caller = ctx.caller(request);
    return listReply(
      request,
      'firewall_policies',
      Object.values(fwaasOf(ctx).policies).filter((p) => visible(caller, p) || p.shared),
    );
  });
  app.get<IdParams>(`${F}/firewall_policies/:id`, (request) =>
    showReply(
      request,
      'firewall_policy',
      find(fwaasOf(ctx).policies, request.params.id, 'FirewallPolicy', ctx.caller(request)),
    ),
  );
  const ruleList = (caller: ReturnType<SimContext['caller']>, value: unknown) => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw badRequest('Invalid input for firewall_rules.');
    return value.map(
      (id) => find(fwaasOf(ctx).rules, String(id as string), 'FirewallRule', caller).id,
    );
  };
  app.post(`${F}/firewall_policies`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'firewall_policy');
    const policy: FwPolicy = {
      ...owned(
        ctx,
        ownerOf(caller, body),
        str(body.name, 'name') ?? '',
        str(body.description, 'description') ?? '',
      ),
      firewall_rules: ruleList(caller, body.firewall_rules) ?? [],
      audited: bool(body.audited, 'audited') ?? false,
      shared: bool(body.shared, 'shared') ?? false,
    };
    fwaasOf(ctx).policies[policy.id] = policy;
    ctx.store.changed();
    return reply.code(201).send({ firewall_policy: policy });
  });
  app.put<IdParams>(`${F}/firewall_policies/:id`, (request) => {
    const caller = ctx.caller(request);
    const policy = find(fwaasOf(ctx).policies, request.params.id, 'FirewallPolicy', caller);
    const body = bodyOf(request, 'firewall_policy');
    policy.name = str(body.name, 'name') ?? policy.name;
    policy.description = str(body.description, 'description') ?? policy.description;
    policy.firewall_rules = ruleList(caller, body.firewall_rules) ?? policy.firewall_rules;
    policy.audited = bool(body.audited, 'audited') ?? false;
    touch(ctx, policy);
    ctx.store.changed();
    return { firewall_policy: policy };
  });
  app.put<IdParams>(`${F}/firewall_policies/:id/insert_rule`, (request) => {
    const caller = ctx.caller(request);
    const policy = find(fwaasOf(ctx).policies, request.params.id, 'FirewallPolicy', caller);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ruleId = find(
      fwaasOf(ctx).rules,
      str(body.firewall_rule_id, 'firewall_rule_id') ?? '',
      'FirewallRule',
      caller,
    ).id;
    if (policy.firewall_rules.includes(ruleId)) {
      throw neutronError(
        409,
        'FirewallRuleAlreadyAssociated',
        `Firewall rule ${ruleId} already associated with firewall policy ${policy.id}.`,
      );
    }
    const before = str(body.insert_before, 'insert_before');
    const after = str(body.insert_after, 'insert_after');
    const at = before
      ? policy.firewall_rules.indexOf(before)
      : after
        ? policy.firewall_rules.indexOf(after) + 1
        : 0;
    policy.firewall_rules.splice(Math.max(at, 0), 0, ruleId);
    policy.audited = false;
    touch(ctx, policy);
    ctx.store.changed();
    return policy;
  });
  app.put<IdParams>(`${F}/firewall_policies/:id/remove_rule`, (request) => {
    const policy = find(
      fwaasOf(ctx).policies,
      request.params.id,
      'FirewallPolicy',
      ctx.caller(request),
    );
    const ruleId =
      str(((request.body ?? {}) as Record<string, unknown>).firewall_rule_id, 'firewall_rule_id') ??
      '';
    if (!policy.firewall_rules.includes(ruleId)) {
      throw neutronError(
        400,
        'FirewallRuleNotAssociatedWithPolicy',
        `Firewall rule ${ruleId} is not associated with firewall policy ${policy.id}.`,
      );
    }
    policy.firewall_rules = policy.firewall_rules.filter((id) => id !== ruleId);
    touch(ctx, policy);
    ctx.store.changed();
    return policy;
  });
  app.delete<IdParams>(`${F}/firewall_policies/:id`, (request, reply) => {
    const fw = fwaasOf(ctx);
    const policy = find(fw.policies, request.params.id, 'FirewallPolicy', ctx.caller(request));
    if (
      Object.values(fw.groups).some(
        (g) =>
          g.ingress_firewall_policy_id === policy.id || g.egress_firewall_policy_id === policy.id,
      )
    ) {
      throw neutronError(409, 'FirewallPolicyInUse', `Firewall policy ${policy.id} is being used.`);
    }
    delete fw.policies[policy.id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get(`${F}/firewall_groups`, (request) => {
    const caller = ctx.caller(request);
    return listReply(
      request,
      'firewall_groups',
      Object.values(fwaasOf(ctx).groups).filter((g) => visible(caller, g) || g.shared),
    );
  });
  app.get<IdParams>(`${F}/firewall_groups/:id`, (request) =>
    showReply(
      request,
      'firewall_group',
      find(fwaasOf(ctx).groups, request.params.id, 'FirewallGroup', ctx.caller(request)),
    ),
  );
  const groupFields = (
    caller: ReturnType<SimContext['caller']>,
    body: Record<string, unknown>,
    group?: FwGroup,
  ) => {
    const policy = (key: 'ingress_firewall_policy_id' | 'egress_firewall_policy_id') =>
      body[key] === undefined
        ? (group?.[key] ?? null)
        : (policyIn(body[key] === null ? null : (str(body[key], key) ?? null))?.id ?? null);
    const ports = Array.isArray(body.ports)
      ? body.ports.map((p) => String(p as string))
      : (group?.ports ?? []);
    for (const id of ports) {
      const port = networkSlice(ctx).ports[id];
      if (!port || !visible(caller, port))
        throw notFound('PortNotFound', `Port ${id} could not be found.`);
    }
    const ingress = policy('ingress_firewall_policy_id');
    const egress = policy('egress_firewall_policy_id');
    const adminUp = bool(body.admin_state_up, 'admin_state_up') ?? group?.admin_state_up ?? true;
    const status = !adminUp
      ? 'DOWN'
      : ports.length === 0
        ? 'INACTIVE'
        : ingress || egress
          ? 'ACTIVE'
          : 'INACTIVE';
    return {
      ingress_firewall_policy_id: ingress,
      egress_firewall_policy_id: egress,
      ports,
      admin_state_up: adminUp,
      status,
    };
  };
  app.post(`${F}/firewall_groups`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'firewall_group');
    const group: FwGroup = {
      ...owned(
        ctx,
        ownerOf(caller, body),
        str(body.name, 'name') ?? '',
        str(body.description, 'description') ?? '',
      ),
      ...groupFields(caller, body),
      shared: bool(body.shared, 'shared') ?? false,
    };
    fwaasOf(ctx).groups[group.id] = group;
    ctx.store.changed();
    return reply.code(201).send({ firewall_group: group });
  });
  app.put<IdParams>(`${F}/firewall_groups/:id`, (request) => {
    const caller = ctx.caller(request);
    const group = find(fwaasOf(ctx).groups, request.params.id, 'FirewallGroup', caller);
    const body = bodyOf(request, 'firewall_group');
    Object.assign(group, groupFields(caller, body, group), {
      name: str(body.name, 'name') ?? group.name,
    });
    touch(ctx, group);
    ctx.store.changed();
    return { firewall_group: group };
  });
  app.delete<IdParams>(`${F}/firewall_groups/:id`, (request, reply) => {
    const fw = fwaasOf(ctx);
    const group = find(fw.groups, request.params.id, 'FirewallGroup', ctx.caller(request));
    if (group.ports.length > 0 && group.status === 'ACTIVE') {
      throw neutronError(409, 'FirewallGroupInUse', `Firewall group ${group.id} is still active.`);
    }
    delete fw.groups[group.id];
    ctx.store.changed();
    return reply.code(204).send();
  });
};
