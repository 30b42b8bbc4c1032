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
  text,
  visible,
  type Scope,
} from './neutron-http';
import { F, findFw, fwaasOf, type FwRule, type IdParams } from './fwaas-state';

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

/** FWaaS v2 firewall rules. */
export const registerFwaasRuleRoutes = (app: Scope, ctx: SimContext) => {
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
      findFw(fwaasOf(ctx).rules, request.params.id, 'FirewallRule', ctx.caller(request)),
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
    const rule = findFw(fwaasOf(ctx).rules, request.params.id, 'FirewallRule', ctx.caller(request));
    const body = bodyOf(request, 'firewall_rule');
    Object.assign(rule, ruleFields(body, rule), { name: str(body.name, 'name') ?? rule.name });
    touch(ctx, rule);
    ctx.store.changed();
    return { firewall_rule: rule };
  });
  app.delete<IdParams>(`${F}/firewall_rules/:id`, (request, reply) => {
    const fw = fwaasOf(ctx);
    const rule = findFw(fw.rules, request.params.id, 'FirewallRule', ctx.caller(request));
    if (Object.values(fw.policies).some((p) => p.firewall_rules.includes(rule.id))) {
      throw neutronError(409, 'FirewallRuleInUse', `Firewall rule ${rule.id} is being used.`);
    }
    delete fw.rules[rule.id];
    ctx.store.changed();
    return reply.code(204).send();
  });
};
