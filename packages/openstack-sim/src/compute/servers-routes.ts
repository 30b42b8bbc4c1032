import { registerServerMetadataRoutes } from './server-metadata-routes';
import { checkServerName } from './server-input';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../core/link-base';
import { novaError, OpenStackError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { computeOf, type Server } from './compute-state';
import { createServers } from './create-server';
import { releaseServerPorts } from './network-adapter';
import { bodyOf, firstOf, microversion, objectIn, query, requestIdOf, str } from './nova-http';
import { nextLink, paginate } from './paging';
import { finishAction, findServer, notifyInstance, recordAction, setState } from './server-service';
import { serverDetail, serverLinks, serverSummary } from './server-view';
import { deleteVolumeOfServer, detachVolumeFromServer } from './volume-adapter';

const sortable: Record<string, (s: Server) => string> = {
  created_at: (s) => s.createdAt,
  updated_at: (s) => s.updatedAt,
  display_name: (s) => s.name,
  uuid: (s) => s.id,
  vm_state: (s) => s.vmState,
  task_state: (s) => s.taskState ?? '',
  host: (s) => s.host ?? '',
  availability_zone: (s) => s.availabilityZone,
  instance_type_id: (s) => s.flavor.id,
  project_id: (s) => s.projectId,
  user_id: (s) => s.userId,
};

const adminOnlyFilters = ['host', 'node', 'deleted', 'project_id', 'tenant_id', 'user_id'];

const listServers = (ctx: SimContext, request: FastifyRequest, detail: boolean) => {
  const caller = ctx.caller(request);
  const q = query(request);
  const get = (k: string) => firstOf(q[k]);
  const allTenants =
    get('all_tenants') !== undefined &&
    get('all_tenants') !== '0' &&
    get('all_tenants') !== 'false';
  if (allTenants && !caller.isAdmin)
    throw novaError(
      'forbidden',
      "Policy doesn't allow os_compute_api:servers:detail:get_all_tenants to be performed.",
    );
  const changesSince = get('changes-since');
  const deleted = caller.isAdmin && get('deleted') === 'true';
  let servers = computeOf(ctx).servers.filter((s) => {
    if (!allTenants && s.projectId !== caller.projectId) return false;
    if (s.deleted && !changesSince && !deleted) return false;
    return true;
  });
  if (changesSince) {
    const since = Date.parse(changesSince);
    if (Number.isNaN(since)) throw novaError('badRequest', `Invalid filter field: changes-since.`);
    servers = servers.filter((s) => Date.parse(s.updatedAt) >= since);
  }
  const name = get('name');
  if (name !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(name);
    } catch {
      throw novaError('badRequest', `Invalid regular expression for name: ${name}`);
    }
    servers = servers.filter((s) => re.test(s.name));
  }
  const status = get('status');
  if (status !== undefined) servers = servers.filter((s) => s.status === status.toUpperCase());
  for (const key of adminOnlyFilters) {
    const value = get(key);
    if (value === undefined || !caller.isAdmin) continue;
    if (key === 'host' || key === 'node') servers = servers.filter((s) => s.host === value);
    if (key === 'project_id' || key === 'tenant_id')
      servers = servers.filter((s) => s.projectId === value);
    if (key === 'user_id') servers = servers.filter((s) => s.userId === value);
  }
  const flavor = get('flavor');
  if (flavor) servers = servers.filter((s) => s.flavor.id === flavor);
  const image = get('image');
  if (image) servers = servers.filter((s) => s.imageRef === image);
  const az = get('availability_zone');
  if (az) servers = servers.filter((s) => s.availabilityZone === az);
  const ip = get('ip');
  if (ip) {
    const re = new RegExp(ip.replace(/\./g, '\\.'));
    servers = servers.filter((s) => s.addresses.some((a) => re.test(a.addr)));
  }
  const keys = ([] as string[]).concat(q.sort_key ?? 'created_at');
  const dirs = ([] as string[]).concat(q.sort_dir ?? []);
  for (const key of keys)
    if (!sortable[key])
      throw novaError('badRequest', `Invalid input for query parameters sort_key. Value: ${key}.`);
  servers = [...servers].sort((a, b) => {
    for (const [i, key] of keys.entries()) {
      const f = sortable[key] as (s: Server) => string;
      const dir = (dirs[i] ?? dirs[0] ?? 'desc') === 'asc' ? 1 : -1;
      const x = f(a);
      const y = f(b);
      if (x !== y) return (x < y ? -1 : 1) * dir;
    }
    return a.id < b.id ? 1 : -1;
  });
  const { page, links } = paginate(
    request,
    servers,
    (s) => s.id,
    nextLink(originOf(request, ctx.baseUrl), request),
    (m) => `marker [${m}] not found`,
  );
  return {
    servers: page.map((s) =>
      detail ? serverDetail(ctx, request, caller, s, 'list') : serverSummary(request, s),
    ),
    ...(links.length ? { servers_links: links } : {}),
  };
};

/** Refuses actions on a locked server for anyone but an admin (Nova: 409). */
export const checkLocked = (caller: SimCaller, s: Server) => {
  if (s.locked && !caller.isAdmin)
    throw novaError('conflictingRequest', `Instance ${s.id} is locked`);
};

export const deleteServer = (ctx: SimContext, caller: SimCaller, s: Server, requestId: string) => {
  checkLocked(caller, s);
  recordAction(ctx, caller, s, 'delete', requestId);
  notifyInstance(ctx, s, 'delete.start');
  setState(ctx, s, s.status, s.vmState, 'deleting');
  ctx.later(ctx.delays.actionMs, () => finishDelete(ctx, s));
};

/** The compute side of a delete: ports, volumes, group membership, then DELETED. */
export const finishDelete = (ctx: SimContext, s: Server) => {
  if (s.deleted) return;
  releaseServerPorts(ctx, s.id, s.userPortIds);
  for (const v of s.volumes.filter((x) => x.inCinder)) {
    try {
      detachVolumeFromServer(ctx, { volumeId: v.id, serverId: s.id });
      if (v.deleteOnTermination) deleteVolumeOfServer(ctx, v.id);
    } catch (error) {
      // Like Nova, a volume already gone or detached does not stop the delete; it is reported.
      if (!(error instanceof OpenStackError)) throw error;
      ctx.notify({
        event_type: 'compute.instance.volume.detach.error',
        publisher_id: `compute.${s.host ?? 'nova-api'}`,
        priority: 'ERROR',
        payload: { instance_id: s.id, volume_id: v.id, message: error.message },
      });
    }
  }
  for (const g of computeOf(ctx).serverGroups) g.members = g.members.filter((id) => id !== s.id);
  s.deleted = true;
  s.terminatedAt = ctx.now().toISOString();
  setState(ctx, s, 'DELETED', 'deleted', null, 0);
  finishAction(ctx, s, 'Success');
  notifyInstance(ctx, s, 'delete.end');
};

export const registerServerRoutes = (scope: FastifyInstance, ctx: SimContext) => {
  scope.get('/servers', (request) => listServers(ctx, request, false));
  scope.get('/servers/detail', (request) => listServers(ctx, request, true));
  scope.get<{ Params: { id: string } }>('/servers/:id', (request) => {
    const caller = ctx.caller(request);
    return {
      server: serverDetail(ctx, request, caller, findServer(ctx, caller, request.params.id)),
    };
  });

  scope.post('/servers', (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request);
    const legacy = microversion(request) < 19;
    const servers = createServers(ctx, caller, body, requestIdOf(request), legacy);
    const first = servers[0] as Server;
    if ((body.server as { return_reservation_id?: unknown }).return_reservation_id === true)
      return void reply.code(202).send({ reservation_id: first.reservationId });
    return void reply
      .code(202)
      .header('location', serverLinks(request, first.id)[0]?.href ?? '')
      .send({
        server: {
          id: first.id,
          links: serverLinks(request, first.id),
          'OS-DCF:diskConfig': 'MANUAL',
          security_groups: [{ name: 'default' }],
          adminPass: first.adminPass,
        },
      });
  });

  scope.put<{ Params: { id: string } }>('/servers/:id', (request) => {
    const caller = ctx.caller(request);
    const s = findServer(ctx, caller, request.params.id);
    checkLocked(caller, s);
    const input = objectIn(bodyOf(request), 'server');
    const name = str(input.name, 'name', false);
    if (name !== undefined) checkServerName(name);
    if (name !== undefined) s.name = name;
    if ('description' in input)
      s.description = str(input.description, 'description', false) ?? null;
    s.updatedAt = ctx.now().toISOString();
    ctx.store.changed();
    notifyInstance(ctx, s, 'update');
    return { server: serverDetail(ctx, request, caller, s, 'update') };
  });

  scope.delete<{ Params: { id: string } }>('/servers/:id', (request, reply) => {
    const caller = ctx.caller(request);
    deleteServer(ctx, caller, findServer(ctx, caller, request.params.id), requestIdOf(request));
    return void reply.code(204).send();
  });
  registerServerMetadataRoutes(scope, ctx);
};
