import { randomUUID } from 'node:crypto';
import { cinderError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { volumeNotification, volumeNotFound } from './volume-service';
import { cinderTime, volumeSlice, type Volume, type VolumeAttachment } from './volume-state';

export type AttachVolumeInput = {
  volumeId: string;
  serverId: string;
  device: string;
  projectId: string;
  hostName?: string | null;
};

/** Nova → Cinder: the volume must be available (or multiattach); it becomes in-use at once. */
export const attachVolume = (ctx: SimContext, input: AttachVolumeInput): VolumeAttachment => {
  const volume = volumeSlice(ctx).volumes[input.volumeId];
  if (!volume || (input.projectId && volume.project_id !== input.projectId)) {
    throw volumeNotFound(input.volumeId);
  }
  if (volume.attachments.some((a) => a.server_id === input.serverId)) {
    throw cinderError(
      'badRequest',
      `Invalid volume: Volume ${volume.id} is already attached to server ${input.serverId}.`,
    );
  }
  const allowed =
    volume.status === 'available' || (volume.multiattach && volume.status === 'in-use');
  if (!allowed) {
    throw cinderError(
      'badRequest',
      `Invalid volume: Volume ${volume.id} status must be available or in-use (multiattach) to reserve, but the current status is ${volume.status}.`,
    );
  }
  const id = randomUUID();
  const attachment: VolumeAttachment = {
    id: volume.id,
    attachment_id: id,
    volume_id: volume.id,
    server_id: input.serverId,
    host_name: input.hostName ?? null,
    device: input.device,
    attached_at: cinderTime(ctx),
  };
  volume.attachments.push(attachment);
  volume.status = 'in-use';
  volume.updated_at = cinderTime(ctx);
  ctx.store.changed();
  ctx.notify({
    event_type: 'volume.attach.end',
    publisher_id: `volume.${volume.host}`,
    payload: {
      ...volumeNotification(volume),
      instance_uuid: input.serverId,
      mountpoint: input.device,
    },
  });
  return attachment;
};

/** Nova → Cinder: removes the server's attachment; the volume is available when none remain. */
export const detachVolume = (
  ctx: SimContext,
  input: { volumeId: string; serverId: string },
): void => {
  const volume = volumeSlice(ctx).volumes[input.volumeId];
  if (!volume) throw volumeNotFound(input.volumeId);
  const before = volume.attachments.length;
  volume.attachments = volume.attachments.filter((a) => a.server_id !== input.serverId);
  if (volume.attachments.length === before) {
    throw cinderError(
      'badRequest',
      `Invalid volume: Volume ${volume.id} is not attached to server ${input.serverId}.`,
    );
  }
  if (volume.attachments.length === 0) volume.status = 'available';
  volume.updated_at = cinderTime(ctx);
  ctx.store.changed();
  ctx.notify({
    event_type: 'volume.detach.end',
    publisher_id: `volume.${volume.host}`,
    payload: { ...volumeNotification(volume), instance_uuid: input.serverId },
  });
};

/** What Nova needs to boot from a volume (block-device mapping source_type=volume). */
export const getVolumeForBoot = (ctx: SimContext, volumeId: string, projectId: string): Volume => {
  const volume = volumeSlice(ctx).volumes[volumeId];
  if (!volume || (projectId && volume.project_id !== projectId)) throw volumeNotFound(volumeId);
  if (volume.status !== 'available' && !(volume.multiattach && volume.status === 'in-use')) {
    throw cinderError(
      'badRequest',
      `Invalid volume: Volume ${volumeId} status must be available, but the current status is ${volume.status}.`,
    );
  }
  return volume;
};

/** Nova detaches everything when a server is deleted. */
export const detachAllFromServer = (ctx: SimContext, serverId: string): void => {
  for (const volume of Object.values(volumeSlice(ctx).volumes)) {
    if (volume.attachments.some((a) => a.server_id === serverId))
      detachVolume(ctx, { volumeId: volume.id, serverId });
  }
};

/**
 * Nova deletes a volume whose block-device mapping said delete_on_termination once the server is
 * gone (after the detach): the volume goes through `deleting` like a user's delete.
 */
export const deleteVolumeOnTermination = (ctx: SimContext, volumeId: string): void => {
  const slice = volumeSlice(ctx);
  const volume = slice.volumes[volumeId];
  if (!volume || volume.attachments.length > 0) return;
  volume.status = 'deleting';
  volume.updated_at = cinderTime(ctx);
  ctx.store.changed();
  ctx.later(ctx.delays.volumeMs, () => {
    for (const s of Object.values(slice.snapshots))
      if (s.volume_id === volume.id) delete slice.snapshots[s.id];
    delete slice.volumes[volume.id];
    ctx.store.changed();
    ctx.notify({
      event_type: 'volume.delete.end',
      publisher_id: `volume.${volume.host}`,
      payload: volumeNotification(volume),
    });
  });
};
