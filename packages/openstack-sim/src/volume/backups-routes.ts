import { originOf } from '../core/link-base';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cinderError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import {
  V3,
  atLeast,
  bodyOf,
  enforceQuota,
  optionalString,
  pageOf,
  resourceLinks,
  type IdParams,
  type ProjectParams,
} from './cinder-http';
import { createVolume, findVolume } from './volume-service';
import { cinderTime, newVolumeId, volumeSlice, type Backup } from './volume-state';

/** From 3.18 Cinder shows administrators whose backup it is. */
const projectAttr = (request: FastifyRequest, caller: SimCaller, b: Backup) => {
  return caller.isAdmin && atLeast(request, 3, 18)
    ? { 'os-backup-project-attr:project_id': b.project_id }
    : {};
};

const renderBackup = (origin: string, b: Backup) => ({
  id: b.id,
  name: b.name,
  description: b.description,
  volume_id: b.volume_id,
  snapshot_id: b.snapshot_id,
  status: b.status,
  size: b.size,
  object_count: 0,
  availability_zone: b.availability_zone,
  container: b.container,
  created_at: b.created_at,
  updated_at: b.updated_at,
  data_timestamp: b.created_at,
  fail_reason: null,
  has_dependent_backups: false,
  is_incremental: b.is_incremental,
  links: resourceLinks(origin, b.project_id, 'backups', b.id),
});

const findBackup = (ctx: SimContext, caller: SimCaller, id: string) => {
  const backup = volumeSlice(ctx).backups[id];
  if (!backup || (!caller.isAdmin && backup.project_id !== caller.projectId)) {
    throw cinderError('itemNotFound', `Backup ${id} could not be found.`);
  }
  return backup;
};

export const registerBackupRoutes = (app: FastifyInstance, ctx: SimContext, base = V3) => {
  const list = (request: FastifyRequest) => {
    const caller = ctx.caller(request);
    const rows = Object.values(volumeSlice(ctx).backups).filter(
      (b) => b.project_id === caller.projectId,
    );
    const page = pageOf(ctx, request, 'backups', rows, (b) => b);
    const backups = page.rows.map((b) => ({
      ...renderBackup(originOf(request, ctx.baseUrl), b),
      ...projectAttr(request, caller, b),
    }));
    return page.links ? { backups, [page.linksKey]: page.links } : { backups };
  };
  app.get<{ Params: ProjectParams }>(`${base}/backups`, list);
  app.get<{ Params: ProjectParams }>(`${base}/backups/detail`, list);

  app.get<{ Params: IdParams }>(`${base}/backups/:id`, (request) => {
    const caller = ctx.caller(request);
    const backup = findBackup(ctx, caller, request.params.id);
    return {
      backup: {
        ...renderBackup(originOf(request, ctx.baseUrl), backup),
        ...projectAttr(request, caller, backup),
      },
    };
  });

  app.post<{ Params: ProjectParams }>(`${base}/backups`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'backup');
    const volume = findVolume(ctx, caller, optionalString(body.volume_id, 'volume_id') ?? '');
    const force = body.force === true;
    if (volume.status !== 'available' && !(volume.status === 'in-use' && force)) {
      throw cinderError(
        'badRequest',
        `Invalid volume: Volume to be backed up must be available or in-use, but the current status is "${volume.status}".`,
      );
    }
    enforceQuota(ctx, volume.project_id, { backups: 1, backup_gigabytes: volume.size }, 'backup');
    const backup: Backup = {
      id: newVolumeId(),
      name: optionalString(body.name, 'name') ?? null,
      description: optionalString(body.description, 'description') ?? null,
      volume_id: volume.id,
      snapshot_id: optionalString(body.snapshot_id, 'snapshot_id') ?? null,
      project_id: volume.project_id,
      user_id: caller.userId,
      size: volume.size,
      status: 'creating',
      availability_zone: volume.availability_zone,
      container: optionalString(body.container, 'container') ?? 'volumebackups',
      is_incremental: body.incremental === true,
      created_at: cinderTime(ctx),
      updated_at: null,
    };
    const slice = volumeSlice(ctx);
    slice.backups[backup.id] = backup;
    // Cinder holds the volume in backing-up until the backup ends, then restores its status.
    const previous = volume.status;
    volume.status = 'backing-up';
    ctx.store.changed();
    ctx.later(ctx.delays.volumeMs, () => {
      if (volume.status === 'backing-up') volume.status = previous;
      if (backup.status !== 'creating') return;
      backup.status = 'available';
      backup.updated_at = cinderTime(ctx);
      ctx.notify({
        event_type: 'backup.create.end',
        publisher_id: 'backup.sim',
        payload: {
          backup_id: backup.id,
          volume_id: backup.volume_id,
          tenant_id: backup.project_id,
          size: backup.size,
          status: backup.status,
        },
      });
    });
    return reply.code(202).send({
      backup: {
        id: backup.id,
        name: backup.name,
        links: resourceLinks(
          originOf(request, ctx.baseUrl),
          backup.project_id,
          'backups',
          backup.id,
        ),
      },
    });
  });

  app.delete<{ Params: IdParams }>(`${base}/backups/:id`, (request, reply) => {
    const backup = findBackup(ctx, ctx.caller(request), request.params.id);
    if (backup.status !== 'available' && backup.status !== 'error') {
      throw cinderError('badRequest', 'Invalid backup: Backup status must be available or error');
    }
    backup.status = 'deleting';
    ctx.store.changed();
    ctx.later(ctx.delays.volumeMs, () => {
      delete volumeSlice(ctx).backups[backup.id];
    });
    return reply.code(202).send();
  });

  /** Restore into a new volume (or an existing available one of at least the backup's size). */
  app.post<{ Params: IdParams }>(`${base}/backups/:id/restore`, (request, reply) => {
    const caller = ctx.caller(request);
    const backup = findBackup(ctx, caller, request.params.id);
    if (backup.status !== 'available') {
      throw cinderError('badRequest', 'Invalid backup: Backup status must be available');
    }
    const body = ((request.body ?? {}) as { restore?: Record<string, unknown> }).restore ?? {};
    const targetId = optionalString(body.volume_id, 'volume_id');
    let volume;
    if (targetId) {
      volume = findVolume(ctx, caller, targetId);
      if (volume.status !== 'available')
        throw cinderError(
          'badRequest',
          `Invalid volume: Volume to be restored to must be available`,
        );
      if (volume.size < backup.size) {
        throw cinderError(
          'badRequest',
          `Invalid volume: volume size ${volume.size} is smaller than backup size ${backup.size}.`,
        );
      }
    } else {
      volume = createVolume(ctx, {
        caller,
        size: backup.size,
        name: optionalString(body.name, 'name') ?? `restore_backup_${backup.id}`,
        backupId: backup.id,
      });
    }
    backup.status = 'restoring';
    const target = volume;
    if (targetId) target.status = 'restoring-backup';
    ctx.store.changed();
    ctx.later(ctx.delays.volumeMs, () => {
      backup.status = 'available';
      if (target.status === 'restoring-backup') target.status = 'available';
    });
    return reply
      .code(202)
      .send({ restore: { backup_id: backup.id, volume_id: target.id, volume_name: target.name } });
  });
};
