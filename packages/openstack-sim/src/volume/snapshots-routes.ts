import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cinderError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import {
  atLeast,
  V3,
  bodyOf,
  enforceQuota,
  optionalString,
  pageOf,
  type IdParams,
  type ProjectParams,
} from './cinder-http';
import { findVolume } from './volume-service';
import { cinderTime, newVolumeId, volumeSlice, type Snapshot } from './volume-state';

/**
 * Cinder's snapshot view: 3.14 group_snapshot_id, 3.41 user_id, 3.65 consumes_quota; the
 * extended attributes only on show and lists (`extended`), not on create or update.
 */
const renderSnapshot = (
  request: FastifyRequest,
  caller: SimCaller,
  s: Snapshot,
  extended = true,
) => ({
  id: s.id,
  name: s.name,
  description: s.description,
  volume_id: s.volume_id,
  size: s.size,
  status: s.status,
  metadata: s.metadata,
  created_at: s.created_at,
  updated_at: s.updated_at,
  ...(atLeast(request, 3, 14) ? { group_snapshot_id: null } : {}),
  ...(atLeast(request, 3, 41) ? { user_id: s.user_id } : {}),
  ...(atLeast(request, 3, 65) ? { consumes_quota: true } : {}),
  ...(extended && (caller.isAdmin || caller.projectId === s.project_id)
    ? {
        'os-extended-snapshot-attributes:project_id': s.project_id,
        'os-extended-snapshot-attributes:progress': s.status === 'available' ? '100%' : '0%',
      }
    : {}),
});

const findSnapshot = (ctx: SimContext, caller: SimCaller, id: string) => {
  const snapshot = volumeSlice(ctx).snapshots[id];
  if (!snapshot || (!caller.isAdmin && snapshot.project_id !== caller.projectId)) {
    throw cinderError('itemNotFound', `Snapshot ${id} could not be found.`);
  }
  return snapshot;
};

const snapshotNotification = (s: Snapshot) => ({
  snapshot_id: s.id,
  volume_id: s.volume_id,
  tenant_id: s.project_id,
  user_id: s.user_id,
  display_name: s.name,
  volume_size: s.size,
  status: s.status,
  created_at: s.created_at,
});

export const registerSnapshotRoutes = (app: FastifyInstance, ctx: SimContext, base = V3) => {
  const list = (request: FastifyRequest) => {
    const caller = ctx.caller(request);
    const query = request.query as Record<string, unknown>;
    const all = caller.isAdmin && (query.all_tenants === '1' || query.all_tenants === 'true');
    const rows = Object.values(volumeSlice(ctx).snapshots).filter(
      (s) => all || s.project_id === caller.projectId,
    );
    const page = pageOf(ctx, request, 'snapshots', rows, (s) => s);
    const snapshots = page.rows.map((s) => renderSnapshot(request, caller, s));
    return page.links ? { snapshots, [page.linksKey]: page.links } : { snapshots };
  };
  app.get<{ Params: ProjectParams }>(`${base}/snapshots`, list);
  app.get<{ Params: ProjectParams }>(`${base}/snapshots/detail`, list);

  app.get<{ Params: IdParams }>(`${base}/snapshots/:id`, (request) => {
    const caller = ctx.caller(request);
    return {
      snapshot: renderSnapshot(request, caller, findSnapshot(ctx, caller, request.params.id)),
    };
  });

  app.post<{ Params: ProjectParams }>(`${base}/snapshots`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'snapshot');
    const volume = findVolume(ctx, caller, optionalString(body.volume_id, 'volume_id') ?? '');
    const force = body.force === true || body.force === 'true' || body.force === 'True';
    if (volume.status === 'in-use' && !force) {
      throw cinderError(
        'badRequest',
        `Invalid volume: Volume ${volume.id} status must be available, but current status is: in-use.`,
      );
    }
    if (volume.status !== 'available' && volume.status !== 'in-use') {
      throw cinderError(
        'badRequest',
        `Invalid volume: Volume ${volume.id} status must be available, but current status is: ${volume.status}.`,
      );
    }
    enforceQuota(ctx, volume.project_id, { snapshots: 1, gigabytes: volume.size }, 'snapshot');
    const snapshot: Snapshot = {
      id: newVolumeId(),
      name: optionalString(body.name ?? body.display_name, 'name') ?? null,
      description: optionalString(body.description, 'description') ?? null,
      volume_id: volume.id,
      project_id: volume.project_id,
      user_id: caller.userId,
      size: volume.size,
      status: 'creating',
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      created_at: cinderTime(ctx),
      updated_at: null,
    };
    const slice = volumeSlice(ctx);
    slice.snapshots[snapshot.id] = snapshot;
    ctx.store.changed();
    ctx.later(ctx.delays.volumeMs, () => {
      if (snapshot.status !== 'creating' || !slice.snapshots[snapshot.id]) return;
      snapshot.status = 'available';
      snapshot.updated_at = cinderTime(ctx);
      ctx.notify({
        event_type: 'snapshot.create.end',
        publisher_id: `snapshot.${volume.host}`,
        payload: snapshotNotification(snapshot),
      });
    });
    return reply.code(202).send({ snapshot: renderSnapshot(request, caller, snapshot, false) });
  });

  app.put<{ Params: IdParams }>(`${base}/snapshots/:id`, (request) => {
    const caller = ctx.caller(request);
    const snapshot = findSnapshot(ctx, caller, request.params.id);
    const body = bodyOf(request, 'snapshot');
    if (body.name !== undefined) snapshot.name = optionalString(body.name, 'name') ?? null;
    if (body.description !== undefined)
      snapshot.description = optionalString(body.description, 'description') ?? null;
    snapshot.updated_at = cinderTime(ctx);
    ctx.store.changed();
    return { snapshot: renderSnapshot(request, caller, snapshot, false) };
  });

  app.delete<{ Params: IdParams }>(`${base}/snapshots/:id`, (request, reply) => {
    const caller = ctx.caller(request);
    const snapshot = findSnapshot(ctx, caller, request.params.id);
    if (snapshot.status !== 'available' && snapshot.status !== 'error') {
      throw cinderError(
        'badRequest',
        'Invalid snapshot: Volume Snapshot status must be available or error.',
      );
    }
    const slice = volumeSlice(ctx);
    const dependents = Object.values(slice.volumes).some((v) => v.snapshot_id === snapshot.id);
    if (dependents) {
      throw cinderError(
        'badRequest',
        `Invalid snapshot: Snapshot ${snapshot.id} has dependent volumes.`,
      );
    }
    snapshot.status = 'deleting';
    ctx.store.changed();
    ctx.later(ctx.delays.volumeMs, () => {
      delete slice.snapshots[snapshot.id];
      ctx.notify({
        event_type: 'snapshot.delete.end',
        publisher_id: 'snapshot.sim',
        payload: snapshotNotification(snapshot),
      });
    });
    return reply.code(202).send();
  });

  app.post<{ Params: IdParams }>(`${base}/snapshots/:id/action`, (request, reply) => {
    const caller = ctx.caller(request);
    const snapshot = findSnapshot(ctx, caller, request.params.id);
    const body = (request.body ?? {}) as Record<string, Record<string, unknown> | undefined>;
    if (body['os-reset_status']) {
      if (!caller.isAdmin)
        throw cinderError(
          'forbidden',
          `Policy doesn't allow volume_extension:snapshot_admin_actions:reset_status to be performed.`,
        );
      snapshot.status =
        (body['os-reset_status'].status as Snapshot['status'] | undefined) ?? snapshot.status;
      ctx.store.changed();
      return reply.code(202).send();
    }
    throw cinderError('badRequest', 'There is no such action');
  });
};
