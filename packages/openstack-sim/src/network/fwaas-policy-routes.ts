import { neutronError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { owned, touch } from './network-state';
import {
  badRequest,
  bodyOf,
  bool,
  listReply,
  ownerOf,
  showReply,
  str,
  visible,
  type Scope,
} from './neutron-http';
import { F, findFw, fwaasOf, type FwPolicy, type IdParams } from './fwaas-state';

/** FWaaS v2 firewall policies (with insert_rule / remove_rule). */
export const registerFwaasPolicyRoutes = (app: Scope, ctx: SimContext) => {
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
      findFw(fwaasOf(ctx).policies, request.params.id, 'FirewallPolicy', ctx.caller(request)),
    ),
  );
  const ruleList = (caller: ReturnType<SimContext['caller']>, value: unknown) => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw badRequest('Invalid input for firewall_rules.');
    return value.map(
      (id) => findFw(fwaasOf(ctx).rules, String(id as string), 'FirewallRule', caller).id,
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
    const policy = findFw(fwaasOf(ctx).policies, request.params.id, 'FirewallPolicy', caller);
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
    const policy = findFw(fwaasOf(ctx).policies, request.params.id, 'FirewallPolicy', caller);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ruleId = findFw(
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
    const policy = findFw(
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
    const policy = findFw(fw.policies, request.params.id, 'FirewallPolicy', ctx.caller(request));
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
};
