import type { FastifyInstance, FastifyRequest } from 'fastify';
import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { computeOf, type Server } from './compute-state';
import { allocateServerPort, releaseOnePort } from './network-adapter';
import { atLeast, bodyOf, objectIn, requestIdOf, str } from './nova-http';
import { findServer, hostIdOf, notifyInstance, recordAction } from './server-service';
import { checkLocked } from './servers-routes';
import { attachVolumeToServer, detachVolumeFromServer } from './volume-adapter';

type P = { Params: { id: string; sub: string } };

const attachmentView = (request: FastifyRequest, s: Server, v: Server['volumes'][number]) => ({
  id: v.id,
  serverId: s.id,
  volumeId: v.id,
  device: v.device,
  ...(atLeast(request, 70) ? { tag: null } : {}),
  ...(atLeast(request, 79) ? { delete_on_termination: v.deleteOnTermination } : {}),
  ...(atLeast(request, 89) ? { attachment_id: v.id } : {}),
});

export const registerServerExtraRoutes = (scope: FastifyInstance, ctx: SimContext) => {
  const server = (request: FastifyRequest<P> | FastifyRequest<{ Params: { id: string } }>) => {
    const caller = ctx.caller(request);
    return { caller, s: findServer(ctx, caller, request.params.id) };
  };

  // os-instance-actions
  // Nova's view: 2.51 shows events to everyone (before: admins only), 2.58 updated_at,
  // 2.62 the event's hostId (and host for admins), 2.84 the event's details.
  const actionView = (
    request: FastifyRequest,
    a: ReturnType<typeof computeOf>['actions'][number],
    events: boolean,
  ) => {
    const admin = ctx.caller(request).isAdmin;
    const s = computeOf(ctx).servers.find((x) => x.id === a.serverId);
    return {
      action: a.action,
      instance_uuid: a.serverId,
      request_id: a.requestId,
      user_id: a.userId,
      project_id: a.projectId,
      start_time: a.startTime.replace('Z', ''),
      message: a.message,
      ...(atLeast(request, 58) ? { updated_at: a.updatedAt.replace('Z', '') } : {}),
      ...(events && (admin || atLeast(request, 51))
        ? {
            events: a.events.map((e) => ({
              event: e.event,
              start_time: e.startTime.replace('Z', ''),
              finish_time: e.finishTime?.replace('Z', '') ?? null,
              result: e.result,
              ...(admin ? { traceback: null } : {}),
              ...(atLeast(request, 62)
                ? { hostId: s ? hostIdOf(s) : '', ...(admin ? { host: s?.host ?? '' } : {}) }
                : {}),
              ...(admin && atLeast(request, 84) ? { details: null } : {}),
            })),
          }
        : {}),
    };
  };
  scope.get<{ Params: { id: string } }>('/servers/:id/os-instance-actions', (request) => {
    const caller = ctx.caller(request);
    const all = computeOf(ctx).servers.find(
      (x) => x.id === request.params.id && (caller.isAdmin || x.projectId === caller.projectId),
    );
    if (!all) throw novaError('itemNotFound', `Instance ${request.params.id} could not be found.`);
    return {
      instanceActions: computeOf(ctx)
        .actions.filter((a) => a.serverId === all.id)
        .reverse()
        .map((a) => actionView(request, a, false)),
    };
  });
  scope.get<P>('/servers/:id/os-instance-actions/:sub', (request) => {
    const { s } = server(request);
    const action = computeOf(ctx).actions.find(
      (a) => a.serverId === s.id && a.requestId === request.params.sub,
    );
    if (!action)
      throw novaError(
        'itemNotFound',
        `Action for request_id ${request.params.sub} on instance ${s.id} not found`,
      );
    return { instanceAction: actionView(request, action, true) };
  });

  // os-volume_attachments
  scope.get<{ Params: { id: string } }>('/servers/:id/os-volume_attachments', (request) => {
    const { s } = server(request);
    return { volumeAttachments: s.volumes.map((v) => attachmentView(request, s, v)) };
  });
  scope.get<P>('/servers/:id/os-volume_attachments/:sub', (request) => {
    const { s } = server(request);
    const v = s.volumes.find((x) => x.id === request.params.sub);
    if (!v)
      throw novaError('itemNotFound', `Volume ${request.params.sub} is not attached to ${s.id}`);
    return { volumeAttachment: attachmentView(request, s, v) };
  });
  scope.post<{ Params: { id: string } }>('/servers/:id/os-volume_attachments', (request) => {
    const { caller, s } = server(request);
    checkLocked(caller, s);
    if (!['active', 'stopped', 'paused', 'suspended', 'resized'].includes(s.vmState))
      throw novaError(
        'conflictingRequest',
        `Cannot 'attach_volume' instance ${s.id} while it is in vm_state ${s.vmState}`,
      );
    const input = objectIn(bodyOf(request), 'volumeAttachment');
    const volumeId = str(input.volumeId, 'volumeId') ?? '';
    if (s.volumes.some((v) => v.id === volumeId))
      throw novaError('badRequest', `Invalid volume: volume ${volumeId} already attached`);
    const used = new Set(s.volumes.map((v) => v.device));
    const letter = [...'bcdefghijklmnopqrstuvwxyz'].find((l) => !used.has(`/dev/vd${l}`)) ?? 'z';
    const device = str(input.device, 'device', false) ?? `/dev/vd${letter}`;
    attachVolumeToServer(ctx, {
      volumeId,
      serverId: s.id,
      device,
      projectId: s.projectId,
      host: s.host,
    });
    const volume = {
      id: volumeId,
      device,
      deleteOnTermination: input.delete_on_termination === true,
      inCinder: true,
    };
    s.volumes.push(volume);
    recordAction(ctx, caller, s, 'attach_volume', requestIdOf(request), 'Success');
    ctx.store.changed();
    notifyInstance(ctx, s, 'volume.attach', { volume_id: volumeId });
    return { volumeAttachment: attachmentView(request, s, volume) };
  });
  scope.delete<P>('/servers/:id/os-volume_attachments/:sub', (request, reply) => {
    const { caller, s } = server(request);
    checkLocked(caller, s);
    const v = s.volumes.find((x) => x.id === request.params.sub);
    if (!v)
      throw novaError('itemNotFound', `Volume ${request.params.sub} is not attached to ${s.id}`);
    if (v.device === '/dev/vda' && s.imageRef === '')
      throw novaError('badRequest', "Can't detach root device volume");
    if (v.inCinder) detachVolumeFromServer(ctx, { volumeId: v.id, serverId: s.id });
    s.volumes = s.volumes.filter((x) => x !== v);
    recordAction(ctx, caller, s, 'detach_volume', requestIdOf(request), 'Success');
    ctx.store.changed();
    notifyInstance(ctx, s, 'volume.detach', { volume_id: v.id });
    return void reply.code(202).send();
  });

  // os-interface
  const interfaceView = (s: Server, portId: string) => {
    const addrs = s.addresses.filter((a) => a.portId === portId);
    const first = addrs[0];
    return {
      port_id: portId,
      net_id: first?.networkId ?? '',
      mac_addr: first?.mac ?? '',
      port_state: 'ACTIVE',
      fixed_ips: addrs.map((a) => ({ ip_address: a.addr, subnet_id: '' })),
    };
  };
  scope.get<{ Params: { id: string } }>('/servers/:id/os-interface', (request) => {
    const { s } = server(request);
    return {
      interfaceAttachments: [...new Set(s.addresses.map((a) => a.portId))].map((p) =>
        interfaceView(s, p),
      ),
    };
  });
  scope.get<P>('/servers/:id/os-interface/:sub', (request) => {
    const { s } = server(request);
    if (!s.addresses.some((a) => a.portId === request.params.sub))
      throw novaError('itemNotFound', `Port ${request.params.sub} is not attached`);
    return { interfaceAttachment: interfaceView(s, request.params.sub) };
  });
  scope.post<{ Params: { id: string } }>('/servers/:id/os-interface', (request) => {
    const { caller, s } = server(request);
    checkLocked(caller, s);
    if (!['active', 'stopped', 'paused'].includes(s.vmState))
      throw novaError(
        'conflictingRequest',
        `Cannot 'attach_interface' instance ${s.id} while it is in vm_state ${s.vmState}`,
      );
    const input = objectIn(bodyOf(request), 'interfaceAttachment');
    const portId = str(input.port_id, 'port_id', false);
    const networkId = str(input.net_id, 'net_id', false);
    const fixed = (input.fixed_ips as { ip_address?: string }[] | undefined)?.[0]?.ip_address;
    const addrs = allocateServerPort(ctx, {
      projectId: s.projectId,
      serverId: s.id,
      host: s.host,
      availabilityZone: s.availabilityZone,
      portId,
      networkId,
      fixedIp: fixed,
    });
    s.addresses.push(...addrs);
    if (portId) s.userPortIds.push(portId);
    recordAction(ctx, caller, s, 'attach_interface', requestIdOf(request), 'Success');
    ctx.store.changed();
    return { interfaceAttachment: interfaceView(s, addrs[0]?.portId ?? portId ?? '') };
  });
  scope.delete<P>('/servers/:id/os-interface/:sub', (request, reply) => {
    const { caller, s } = server(request);
    checkLocked(caller, s);
    if (!s.addresses.some((a) => a.portId === request.params.sub))
      throw novaError('itemNotFound', `Port ${request.params.sub} is not attached`);
    releaseOnePort(ctx, s.id, request.params.sub, s.userPortIds);
    s.addresses = s.addresses.filter((a) => a.portId !== request.params.sub);
    recordAction(ctx, caller, s, 'detach_interface', requestIdOf(request), 'Success');
    ctx.store.changed();
    return void reply.code(202).send();
  });
};
