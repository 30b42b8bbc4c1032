import { originOf } from '../core/link-base';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cinderError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import {
  V3,
  bodyOf,
  optionalString,
  pageOf,
  resourceLinks,
  sizeOf,
  type IdParams,
  type ProjectParams,
} from './cinder-http';
import { registerVolumeActions } from './volume-actions';
import { createVolume, findVolume, renderVolume, volumeNotification } from './volume-service';
import { volumeSlice, type Volume } from './volume-state';

const listable = (caller: SimCaller, query: Record<string, unknown>, volume: Volume) =>
  volume.project_id === caller.projectId ||
  (caller.isAdmin &&
    (query.all_tenants === '1' || query.all_tenants === 'true' || query.all_tenants === 'True'));

const metadataOf = (value: unknown): Record<string, string> | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw cinderError('badRequest', 'Invalid input for field/attribute metadata.');
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
};

export const deletableStatuses = [
  'available',
  'error',
  'error_restoring',
  'error_extending',
  'error_managing',
];

export const registerVolumeRoutes = (app: FastifyInstance, ctx: SimContext, base = V3) => {
  const list = (detail: boolean) => (request: FastifyRequest) => {
    const caller = ctx.caller(request);
    const query = request.query as Record<string, unknown>;
    const visible = Object.values(volumeSlice(ctx).volumes).filter((v) =>
      listable(caller, query, v),
    );
    const page = pageOf(ctx, request, 'volumes', visible, (v) => ({
      ...v,
      bootable: String(v.bootable),
    }));
    const volumes = page.rows.map((v) =>
      detail
        ? renderVolume(ctx, request, caller, v)
        : {
            id: v.id,
            name: v.name,
            links: resourceLinks(originOf(request, ctx.baseUrl), v.project_id, 'volumes', v.id),
          },
    );
    return page.links ? { volumes, [page.linksKey]: page.links } : { volumes };
  };
  app.get<{ Params: ProjectParams }>(`${base}/volumes`, list(false));
  app.get<{ Params: ProjectParams }>(`${base}/volumes/detail`, list(true));

  app.get<{ Params: IdParams }>(`${base}/volumes/:id`, (request) => {
    const caller = ctx.caller(request);
    return {
      volume: renderVolume(ctx, request, caller, findVolume(ctx, caller, request.params.id)),
    };
  });

  app.post<{ Params: ProjectParams }>(`${base}/volumes`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'volume');
    const volume = createVolume(ctx, {
      caller,
      size: body.size === undefined || body.size === null ? undefined : sizeOf(body.size),
      name: optionalString(body.name ?? body.display_name, 'name'),
      description: optionalString(body.description ?? body.display_description, 'description'),
      volumeType: optionalString(body.volume_type, 'volume_type'),
      availabilityZone: optionalString(body.availability_zone, 'availability_zone'),
      imageRef: optionalString(body.imageRef ?? body.image_id, 'imageRef'),
      snapshotId: optionalString(body.snapshot_id, 'snapshot_id'),
      sourceVolid: optionalString(body.source_volid, 'source_volid'),
      metadata: metadataOf(body.metadata),
      multiattach: body.multiattach === true,
    });
    return reply.code(202).send({ volume: renderVolume(ctx, request, caller, volume, false) });
  });

  app.put<{ Params: IdParams }>(`${base}/volumes/:id`, (request) => {
    const caller = ctx.caller(request);
    const volume = findVolume(ctx, caller, request.params.id);
    const body = bodyOf(request, 'volume');
    if (body.name !== undefined || body.display_name !== undefined) {
      volume.name = optionalString(body.name ?? body.display_name, 'name') ?? null;
    }
    if (body.description !== undefined)
      volume.description = optionalString(body.description, 'description') ?? null;
    volume.metadata = metadataOf(body.metadata) ?? volume.metadata;
    volume.updated_at = ctx.now().toISOString().replace(/Z$/, '000');
    ctx.store.changed();
    return { volume: renderVolume(ctx, request, caller, volume, false) };
  });

  app.delete<{ Params: IdParams }>(`${base}/volumes/:id`, (request, reply) => {
    const caller = ctx.caller(request);
    const volume = findVolume(ctx, caller, request.params.id);
    const query = request.query as Record<string, string | undefined>;
    const cascade = query.cascade === 'true' || query.cascade === 'True';
    const slice = volumeSlice(ctx);
    const snapshots = Object.values(slice.snapshots).filter((s) => s.volume_id === volume.id);
    if (
      !deletableStatuses.includes(volume.status) ||
      volume.attachments.length > 0 ||
      (snapshots.length > 0 && !cascade)
    ) {
      throw cinderError(
        'badRequest',
        'Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.',
      );
    }
    volume.status = 'deleting';
    ctx.store.changed();
    ctx.later(ctx.delays.volumeMs, () => {
      for (const s of snapshots) delete slice.snapshots[s.id];
      delete slice.volumes[volume.id];
      ctx.notify({
        event_type: 'volume.delete.end',
        publisher_id: `volume.${volume.host}`,
        payload: volumeNotification(volume),
      });
    });
    return reply.code(202).send();
  });

  registerVolumeActions(app, ctx, base);
};
