import { neutronError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { networkSlice, owned, touch } from './network-state';
import {
  bodyOf,
  bool,
  listReply,
  notFound,
  ownerOf,
  showReply,
  str,
  visible,
  type Scope,
} from './neutron-http';
import { F, findFw, fwaasOf, policyIn, type FwGroup, type IdParams } from './fwaas-state';

/** FWaaS v2 firewall groups. */
export const registerFwaasGroupRoutes = (app: Scope, ctx: SimContext) => {
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
      findFw(fwaasOf(ctx).groups, request.params.id, 'FirewallGroup', ctx.caller(request)),
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
        : (policyIn(ctx, body[key] === null ? null : (str(body[key], key) ?? null))?.id ?? null);
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
    const group = findFw(fwaasOf(ctx).groups, request.params.id, 'FirewallGroup', caller);
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
    const group = findFw(fw.groups, request.params.id, 'FirewallGroup', ctx.caller(request));
    if (group.ports.length > 0 && group.status === 'ACTIVE') {
      throw neutronError(409, 'FirewallGroupInUse', `Firewall group ${group.id} is still active.`);
    }
    delete fw.groups[group.id];
    ctx.store.changed();
    return reply.code(204).send();
  });
};
