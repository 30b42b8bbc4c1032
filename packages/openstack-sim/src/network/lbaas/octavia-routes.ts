import { originOf } from '../../core/link-base';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimCaller, SimContext } from '../../core/sim-context';
import { networkSlice } from '../network-state';
import { listReply, showReply } from '../neutron-http';
import { createPort, deletePort } from '../port-service';
import { childBuilders } from './octavia-builders';
import { L, bodyOf, keys, labels, octaviaError, oneOf } from './octavia-http';
import {
  algorithms,
  newRecord,
  octaviaSlice,
  octaviaTime,
  type LbKind,
  type LbRecord,
} from './octavia-state';

export { octaviaErrorHandler } from './octavia-http';

export const registerOctaviaRoutes = (app: FastifyInstance, ctx: SimContext) => {
  const slice = () => octaviaSlice(ctx);
  const find = (kind: LbKind, caller: SimCaller, id: string): LbRecord => {
    const row = slice()[kind][id];
    if (!row || (!caller.isAdmin && row.project_id !== caller.projectId)) {
      throw octaviaError(404, `${labels[kind]} ${id} not found.`);
    }
    return row;
  };
  const children = (kind: LbKind, field: string, id: string) =>
    Object.values(slice()[kind])
      .filter((r) => r[field] === id)
      .map((r) => ({ id: r.id }));
  const render = (kind: LbKind, row: LbRecord): Record<string, unknown> => {
    const { loadbalancer_id: lbId, ...rest } = row;
    const lb = [{ id: lbId }];
    if (kind === 'loadbalancers')
      return {
        ...rest,
        listeners: children('listeners', 'loadbalancer_id', row.id),
        pools: children('pools', 'loadbalancer_id', row.id),
      };
    if (kind === 'listeners') return { ...rest, loadbalancers: lb };
    if (kind === 'pools') {
      const monitor = Object.values(slice().healthmonitors).find((h) => h.pool_id === row.id);
      const listeners = row.listener_id ? [{ id: row.listener_id }] : [];
      return {
        ...rest,
        loadbalancers: lb,
        listeners,
        members: children('members', 'pool_id', row.id),
        healthmonitor_id: monitor?.id ?? null,
      };
    }
    if (kind === 'healthmonitors') return { ...rest, pools: [{ id: row.pool_id }] };
    return rest;
  };
  /** Every change passes through PENDING_* on the record and its load balancer, as Octavia does. */
  const settle = (lb: LbRecord, row: LbRecord, status: LbRecord['provisioning_status']) => {
    row.provisioning_status = status;
    if (row !== lb) lb.provisioning_status = 'PENDING_UPDATE';
    ctx.store.changed();
    ctx.later(ctx.delays.actionMs, () => {
      lb.provisioning_status = 'ACTIVE';
      lb.operating_status = 'ONLINE';
      if (status !== 'PENDING_DELETE') {
        row.provisioning_status = 'ACTIVE';
        row.operating_status = row.admin_state_up === false ? 'OFFLINE' : 'ONLINE';
      }
    });
  };
  const mutableLb = (caller: SimCaller, lbId: string) => {
    const lb = find('loadbalancers', caller, lbId);
    if (lb.provisioning_status !== 'ACTIVE') {
      throw octaviaError(409, `Load Balancer ${lb.id} is immutable and cannot be updated.`);
    }
    return lb;
  };

  const versions = (request: FastifyRequest) => ({
    versions: [
      {
        id: 'v2.0',
        status: 'CURRENT',
        updated: '2023-05-03T00:00:00Z',
        links: [{ href: `${originOf(request, ctx.baseUrl)}/load-balancer/v2`, rel: 'self' }],
      },
    ],
  });
  app.get('/load-balancer', versions);
  app.get('/load-balancer/', versions);

  const builders = childBuilders(ctx, find);
  for (const kind of ['listeners', 'pools', 'members', 'healthmonitors'] as const) {
    const base = kind === 'members' ? `${L}/pools/:poolId/members` : `${L}/${kind}`;
    app.get(base, (request) => {
      const caller = ctx.caller(request);
      const poolId = (request.params as { poolId?: string }).poolId;
      if (poolId) find('pools', caller, poolId);
      const rows = Object.values(slice()[kind]).filter(
        (r) =>
          (caller.isAdmin || r.project_id === caller.projectId) &&
          (!poolId || r.pool_id === poolId),
      );
      return listReply(
        request,
        kind,
        rows.map((r) => render(kind, r)),
      );
    });
    app.get<{ Params: { id: string } }>(`${base}/:id`, (request) =>
      showReply(
        request,
        keys[kind],
        render(kind, find(kind, ctx.caller(request), request.params.id)),
      ),
    );
    app.post(base, (request, reply) => {
      const caller = ctx.caller(request);
      const { lbId, fields } = builders[kind](caller, bodyOf(request, keys[kind]), request);
      const lb = mutableLb(caller, lbId);
      const row = newRecord(ctx, lb.project_id, lb.id, fields);
      slice()[kind][row.id] = row;
      // Octavia: a pool made on a listener becomes that listener's default pool.
      const listener = kind === 'pools' ? slice().listeners[String(row.listener_id)] : undefined;
      if (listener && !listener.default_pool_id) listener.default_pool_id = row.id;
      settle(lb, row, 'PENDING_CREATE');
      return reply.code(201).send({ [keys[kind]]: render(kind, row) });
    });
    app.put<{ Params: { id: string } }>(`${base}/:id`, (request) => {
      const caller = ctx.caller(request);
      const row = find(kind, caller, request.params.id);
      const lb = mutableLb(caller, row.loadbalancer_id);
      const body = bodyOf(request, keys[kind]);
      for (const field of [
        'name',
        'description',
        'admin_state_up',
        'connection_limit',
        'lb_algorithm',
        'weight',
        'delay',
        'timeout',
        'max_retries',
        'url_path',
        'expected_codes',
        'default_pool_id',
        'session_persistence',
        'tags',
      ]) {
        if (body[field] !== undefined) row[field] = body[field];
      }
      if (body.lb_algorithm !== undefined) oneOf(body.lb_algorithm, algorithms, 'lb_algorithm');
      row.updated_at = octaviaTime(ctx);
      settle(lb, row, 'PENDING_UPDATE');
      return { [keys[kind]]: render(kind, row) };
    });
    app.delete<{ Params: { id: string } }>(`${base}/:id`, (request, reply) => {
      const caller = ctx.caller(request);
      const row = find(kind, caller, request.params.id);
      const lb = mutableLb(caller, row.loadbalancer_id);
      const s = slice();
      delete s[kind][row.id];
      if (kind === 'pools') {
        for (const l of Object.values(s.listeners))
          if (l.default_pool_id === row.id) l.default_pool_id = null;
        for (const m of Object.values(s.members)) if (m.pool_id === row.id) delete s.members[m.id];
        for (const h of Object.values(s.healthmonitors))
          if (h.pool_id === row.id) delete s.healthmonitors[h.id];
      }
      settle(lb, row, 'PENDING_DELETE');
      return reply.code(204).send();
    });
  }

  app.get(`${L}/loadbalancers`, (request) => {
    const caller = ctx.caller(request);
    const rows = Object.values(slice().loadbalancers).filter(
      (r) => caller.isAdmin || r.project_id === caller.projectId,
    );
    return listReply(
      request,
      'loadbalancers',
      rows.map((r) => render('loadbalancers', r)),
    );
  });
  app.get<{ Params: { id: string } }>(`${L}/loadbalancers/:id`, (request) =>
    showReply(
      request,
      'loadbalancer',
      render('loadbalancers', find('loadbalancers', ctx.caller(request), request.params.id)),
    ),
  );
  app.post(`${L}/loadbalancers`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'loadbalancer');
    const net = networkSlice(ctx);
    const subnet =
      typeof body.vip_subnet_id === 'string' ? net.subnets[body.vip_subnet_id] : undefined;
    const networkId =
      subnet?.network_id ??
      (typeof body.vip_network_id === 'string' ? body.vip_network_id : undefined);
    const network = networkId ? net.networks[networkId] : undefined;
    if (!network)
      throw octaviaError(
        400,
        'Validation failure: VIP must contain one of: vip_port_id, vip_network_id, vip_subnet_id.',
      );
    const projectId =
      typeof body.project_id === 'string' && caller.isAdmin ? body.project_id : caller.projectId;
    const lb = newRecord(ctx, projectId, '', {
      ...body,
      provider: body.provider ?? 'amphora',
      flavor_id: body.flavor_id ?? null,
      availability_zone: body.availability_zone ?? null,
    });
    lb.loadbalancer_id = lb.id;
    const port = createPort(ctx, {
      projectId,
      network,
      name: `octavia-lb-${lb.id}`,
      deviceOwner: 'Octavia',
      deviceId: `lb-${lb.id}`,
      fixedIps: subnet
        ? [
            {
              subnet_id: subnet.id,
              ...(typeof body.vip_address === 'string' ? { ip_address: body.vip_address } : {}),
            },
          ]
        : undefined,
      securityGroups: [],
    });
    Object.assign(lb, {
      vip_address: port.fixed_ips[0]?.ip_address ?? null,
      vip_port_id: port.id,
      vip_subnet_id: port.fixed_ips[0]?.subnet_id ?? null,
      vip_network_id: network.id,
      vip_qos_policy_id: null,
    });
    slice().loadbalancers[lb.id] = lb;
    settle(lb, lb, 'PENDING_CREATE');
    return reply.code(201).send({ loadbalancer: render('loadbalancers', lb) });
  });
  app.put<{ Params: { id: string } }>(`${L}/loadbalancers/:id`, (request) => {
    const caller = ctx.caller(request);
    const lb = mutableLb(caller, request.params.id);
    const body = bodyOf(request, 'loadbalancer');
    for (const field of ['name', 'description', 'admin_state_up', 'tags'])
      if (body[field] !== undefined) lb[field] = body[field];
    lb.updated_at = octaviaTime(ctx);
    settle(lb, lb, 'PENDING_UPDATE');
    return { loadbalancer: render('loadbalancers', lb) };
  });
  app.delete<{ Params: { id: string } }>(`${L}/loadbalancers/:id`, (request, reply) => {
    const caller = ctx.caller(request);
    const lb = mutableLb(caller, request.params.id);
    const s = slice();
    const cascade = (request.query as Record<string, string | undefined>).cascade === 'true';
    const kids = (['listeners', 'pools'] as const).some((k) =>
      Object.values(s[k]).some((r) => r.loadbalancer_id === lb.id),
    );
    if (kids && !cascade)
      throw octaviaError(400, `Cannot delete Load Balancer ${lb.id} - it has children`);
    for (const k of ['listeners', 'pools', 'members', 'healthmonitors'] as const) {
      for (const r of Object.values(s[k])) if (r.loadbalancer_id === lb.id) delete s[k][r.id];
    }
    if (typeof lb.vip_port_id === 'string') deletePort(ctx, lb.vip_port_id);
    lb.provisioning_status = 'PENDING_DELETE';
    ctx.later(ctx.delays.actionMs, () => {
      delete s.loadbalancers[lb.id];
    });
    ctx.store.changed();
    return reply.code(204).send();
  });
};
