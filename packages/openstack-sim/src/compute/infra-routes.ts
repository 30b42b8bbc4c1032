import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { computeOf, type Aggregate } from './compute-state';
import { atLeast, bodyOf, objectIn, requireAdmin, scalar, str } from './nova-http';
import { hostStates } from './server-service';

const aggregateView = (a: Aggregate, request: FastifyRequest) => ({
  id: a.id,
  name: a.name,
  availability_zone: a.availabilityZone,
  hosts: a.hosts,
  metadata: {
    ...a.metadata,
    ...(a.availabilityZone ? { availability_zone: a.availabilityZone } : {}),
  },
  created_at: a.createdAt.replace('Z', ''),
  updated_at: a.updatedAt?.replace('Z', '') ?? null,
  deleted: false,
  deleted_at: null,
  ...(atLeast(request, 41) ? { uuid: a.uuid } : {}),
});

export const registerInfraRoutes = (scope: FastifyInstance, ctx: SimContext) => {
  const admin = (request: FastifyRequest, what: string) => requireAdmin(ctx.caller(request), what);
  const naiveNow = () => ctx.now().toISOString().replace('Z', '');

  // os-services: one nova-compute per hypervisor plus the control-plane services
  scope.get('/os-services', (request) => {
    admin(request, 'os_compute_api:os-services:list');
    const updated = ctx
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, '');
    const uuidIds = atLeast(request, 53);
    const forced = atLeast(request, 11);
    const control = ['nova-scheduler', 'nova-conductor'].map((binary, i) => ({
      id: uuidIds ? `00000000-0000-4000-8000-00000000000${i + 1}` : i + 1,
      binary,
      host: 'controller',
      zone: 'internal',
      status: 'enabled',
      state: 'up',
      updated_at: updated,
      disabled_reason: null,
      ...(forced ? { forced_down: false } : {}),
    }));
    const computes = computeOf(ctx).hypervisors.map((h, i) => ({
      id: uuidIds ? h.id : i + 3,
      binary: 'nova-compute',
      host: h.hostname,
      zone: h.availabilityZone,
      status: h.status,
      state: h.state,
      updated_at: updated,
      disabled_reason: null,
      ...(forced ? { forced_down: false } : {}),
    }));
    const q = (request.query ?? {}) as Record<string, string>;
    return {
      services: [...control, ...computes].filter(
        (s) =>
          (q.binary === undefined || s.binary === q.binary) &&
          (q.host === undefined || s.host === q.host),
      ),
    };
  });

  // os-availability-zone
  scope.get('/os-availability-zone', (request) => {
    ctx.caller(request);
    const zones = [...new Set(hostStates(ctx).map((h) => h.availabilityZone))].sort();
    return {
      availabilityZoneInfo: zones.map((zoneName) => ({
        zoneName,
        zoneState: { available: true },
        hosts: null,
      })),
    };
  });
  scope.get('/os-availability-zone/detail', (request) => {
    admin(request, 'os_compute_api:os-availability-zone:detail');
    const hosts = hostStates(ctx);
    const zones = [...new Set(hosts.map((h) => h.availabilityZone))].sort();
    const updated = ctx.now().toISOString().replace('Z', '');
    return {
      availabilityZoneInfo: [
        {
          zoneName: 'internal',
          zoneState: { available: true },
          hosts: {
            controller: {
              'nova-conductor': { available: true, active: true, updated_at: updated },
              'nova-scheduler': { available: true, active: true, updated_at: updated },
            },
          },
        },
        ...zones.map((zoneName) => ({
          zoneName,
          zoneState: { available: true },
          hosts: Object.fromEntries(
            hosts
              .filter((h) => h.availabilityZone === zoneName)
              .map((h) => [
                h.name,
                { 'nova-compute': { available: h.up, active: h.enabled, updated_at: updated } },
              ]),
          ),
        })),
      ],
    };
  });

  // os-aggregates
  const findAgg = (id: string) => {
    const a = computeOf(ctx).aggregates.find((x) => String(x.id) === id || x.uuid === id);
    if (!a) throw novaError('itemNotFound', `Aggregate ${id} could not be found.`);
    return a;
  };
  scope.get('/os-aggregates', (request) => {
    admin(request, 'os_compute_api:os-aggregates:index');
    return { aggregates: computeOf(ctx).aggregates.map((a) => aggregateView(a, request)) };
  });
  scope.post('/os-aggregates', (request) => {
    admin(request, 'os_compute_api:os-aggregates:create');
    const input = objectIn(bodyOf(request), 'aggregate');
    const name = str(input.name, 'name') ?? '';
    const compute = computeOf(ctx);
    if (compute.aggregates.some((a) => a.name === name))
      throw novaError('conflictingRequest', `Aggregate ${name} already exists.`);
    const az = str(input.availability_zone, 'availability_zone', false) ?? null;
    const aggregate: Aggregate = {
      id: compute.nextAggregateId++,
      uuid: randomUUID(),
      name,
      availabilityZone: az,
      hosts: [],
      metadata: {},
      createdAt: ctx.now().toISOString(),
      updatedAt: null,
    };
    compute.aggregates.push(aggregate);
    ctx.store.changed();
    const view: Record<string, unknown> = { ...aggregateView(aggregate, request) };
    delete view.hosts;
    delete view.metadata;
    return { aggregate: view };
  });
  scope.get<{ Params: { id: string } }>('/os-aggregates/:id', (request) => {
    admin(request, 'os_compute_api:os-aggregates:show');
    return { aggregate: aggregateView(findAgg(request.params.id), request) };
  });
  scope.put<{ Params: { id: string } }>('/os-aggregates/:id', (request) => {
    admin(request, 'os_compute_api:os-aggregates:update');
    const a = findAgg(request.params.id);
    const input = objectIn(bodyOf(request), 'aggregate');
    const name = str(input.name, 'name', false);
    if (name && computeOf(ctx).aggregates.some((x) => x.name === name && x !== a))
      throw novaError('conflictingRequest', `Aggregate ${name} already exists.`);
    // Nova bumps updated_at only when the aggregate row (its name) changes.
    if (name) a.updatedAt = ctx.now().toISOString();
    if (name) a.name = name;
    if ('availability_zone' in input)
      a.availabilityZone = str(input.availability_zone, 'availability_zone', false) ?? null;
    ctx.store.changed();
    // The answer carries the update time; the stored row keeps it only when the name changed.
    return { aggregate: { ...aggregateView(a, request), updated_at: naiveNow() } };
  });
  scope.delete<{ Params: { id: string } }>('/os-aggregates/:id', (request, reply) => {
    admin(request, 'os_compute_api:os-aggregates:delete');
    const a = findAgg(request.params.id);
    if (a.hosts.length)
      throw novaError('badRequest', `Cannot remove aggregate ${a.id}: it still has hosts.`);
    const compute = computeOf(ctx);
    compute.aggregates = compute.aggregates.filter((x) => x !== a);
    ctx.store.changed();
    return void reply.code(200).send();
  });
  scope.post<{ Params: { id: string } }>('/os-aggregates/:id/action', (request) => {
    admin(request, 'os_compute_api:os-aggregates:action');
    const a = findAgg(request.params.id);
    const body = bodyOf(request);
    const [action] = Object.keys(body);
    const compute = computeOf(ctx);
    if (action === 'add_host' || action === 'remove_host') {
      const host = str(objectIn(body, action).host, 'host') ?? '';
      if (!compute.hypervisors.some((h) => h.hostname === host))
        throw novaError('itemNotFound', `Compute host ${host} could not be found.`);
      if (action === 'add_host') {
        if (a.hosts.includes(host))
          throw novaError(
            'conflictingRequest',
            `Cannot add host to aggregate ${a.id}. Reason: Aggregate ${a.id} already has host ${host}.`,
          );
        a.hosts.push(host);
      } else {
        if (!a.hosts.includes(host))
          throw novaError(
            'itemNotFound',
            `Cannot remove host ${host} in aggregate ${a.id}. Reason: Host ${host} not found in aggregate ${a.id}.`,
          );
        a.hosts = a.hosts.filter((h) => h !== host);
      }
    } else if (action === 'set_metadata') {
      const metadata = objectIn(objectIn(body, 'set_metadata'), 'metadata');
      for (const [k, v] of Object.entries(metadata)) {
        if (k === 'availability_zone') a.availabilityZone = v === null ? null : scalar(v, k);
        else if (v === null) delete a.metadata[k];
        else a.metadata[k] = scalar(v, k);
      }
    } else throw novaError('badRequest', `Invalid aggregate action: ${action}`);
    ctx.store.changed();
    return { aggregate: { ...aggregateView(a, request), updated_at: naiveNow() } };
  });
};
