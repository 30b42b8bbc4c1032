import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cinderError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { V3, atLeast, enforceQuota, optionalString, sizeOf, type IdParams } from './cinder-http';
import { attachVolume, detachVolume } from './volume-attachments';
import { findVolume, transition, volumeNotification } from './volume-service';
import { cinderTime, volumeSlice, type Volume } from './volume-state';

const statuses: Volume['status'][] = [
  'creating',
  'downloading',
  'available',
  'reserved',
  'attaching',
  'in-use',
  'detaching',
  'deleting',
  'error',
  'error_deleting',
  'extending',
  'backing-up',
  'restoring-backup',
  'error_restoring',
  'error_extending',
  'maintenance',
];

const requireAdmin = (caller: SimCaller, action: string) => {
  if (!caller.isAdmin) {
    throw cinderError(
      'forbidden',
      `Policy doesn't allow volume_extension:volume_admin_actions:${action} to be performed.`,
    );
  }
};

/**
 * Cinder's order: the size first, then the status — `available`, or `in-use` from 3.42 (extend
 * of an attached volume). The status message prints the expected dict as Python does.
 */
const extend = (
  ctx: SimContext,
  request: FastifyRequest,
  volume: Volume,
  args: Record<string, unknown>,
) => {
  const newSize = sizeOf(args.new_size, 'new_size');
  if (newSize <= volume.size) {
    throw cinderError(
      'badRequest',
      `Invalid input received: New size for extend must be greater than current size. (current: ${volume.size}, extended: ${newSize}).`,
    );
  }
  const expected = atLeast(request, 3, 42) && volume.status === 'in-use' ? 'in-use' : 'available';
  if (volume.status !== expected) {
    throw cinderError(
      'badRequest',
      `Invalid volume: Volume ${volume.id} status must be '{'status': '${expected}'}' to extend, currently ${volume.status}.`,
    );
  }
  enforceQuota(ctx, volume.project_id, { gigabytes: newSize - volume.size });
  const back = volume.status;
  transition(ctx, volume, 'extending', back, () => {
    volume.size = newSize;
    ctx.notify({
      event_type: 'volume.resize.end',
      publisher_id: `volume.${volume.host}`,
      payload: volumeNotification(volume),
    });
  });
};

/** POST /volumes/{id}/action — one key names the action, as in Cinder. */
export const registerVolumeActions = (app: FastifyInstance, ctx: SimContext, base = V3) => {
  app.post<{ Params: IdParams }>(`${base}/volumes/:id/action`, (request, reply) => {
    const caller = ctx.caller(request);
    const volume = findVolume(ctx, caller, request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const [action] = Object.keys(body);
    const args = (body[action ?? ''] ?? {}) as Record<string, unknown>;
    switch (action) {
      case 'os-extend':
        extend(ctx, request, volume, args);
        return reply.code(202).send();
      case 'os-reset_status': {
        requireAdmin(caller, 'reset_status');
        const status = optionalString(args.status, 'status') as Volume['status'] | undefined;
        if (status && !statuses.includes(status)) {
          throw cinderError('badRequest', `Invalid input received: Must specify a valid status`);
        }
        if (status) volume.status = status;
        if (args.attach_status === 'detached') volume.attachments = [];
        volume.updated_at = cinderTime(ctx);
        ctx.store.changed();
        return reply.code(202).send();
      }
      case 'os-force_delete': {
        requireAdmin(caller, 'force_delete');
        const slice = volumeSlice(ctx);
        for (const s of Object.values(slice.snapshots))
          if (s.volume_id === volume.id) delete slice.snapshots[s.id];
        delete slice.volumes[volume.id];
        ctx.store.changed();
        ctx.notify({
          event_type: 'volume.delete.end',
          publisher_id: `volume.${volume.host}`,
          payload: volumeNotification(volume),
        });
        return reply.code(202).send();
      }
      case 'os-set_bootable': {
        const bootable = args.bootable;
        if (typeof bootable !== 'boolean' && bootable !== 'true' && bootable !== 'false') {
          throw cinderError(
            'badRequest',
            `Invalid input received: Bootable flag must be a boolean.`,
          );
        }
        volume.bootable = bootable === true || bootable === 'true';
        ctx.store.changed();
        return reply.code(200).send();
      }
      case 'os-attach': {
        attachVolume(ctx, {
          volumeId: volume.id,
          serverId: optionalString(args.instance_uuid, 'instance_uuid') ?? '',
          device: optionalString(args.mountpoint, 'mountpoint') ?? '/dev/vdb',
          projectId: volume.project_id,
          hostName: optionalString(args.host_name, 'host_name') ?? null,
        });
        return reply.code(202).send();
      }
      case 'os-detach': {
        const attachment =
          volume.attachments.find((a) => a.attachment_id === args.attachment_id) ??
          volume.attachments[0];
        if (!attachment)
          throw cinderError('badRequest', `Invalid volume: Volume ${volume.id} is not attached.`);
        detachVolume(ctx, { volumeId: volume.id, serverId: attachment.server_id });
        return reply.code(202).send();
      }
      case 'os-reserve':
      case 'os-unreserve':
      case 'os-begin_detaching':
      case 'os-roll_detaching':
        return reply.code(202).send();
      case 'os-update_readonly_flag':
        volume.metadata.readonly = String(args.readonly === true);
        ctx.store.changed();
        return reply.code(202).send();
      default:
        throw cinderError('badRequest', `There is no such action: ${action ?? ''}`);
    }
  });
};
