import { volumeActionStates, type Task } from '@yunguan/contract';
import { precondition } from '@yunguan/domain';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { findTaskTarget } from '../resources/task-target';
import { projectCloud } from '../project-cloud';
import { assertNotBusy, readFresh } from './storage-checks';
import { volumeGone, volumeWrongState } from './storage-errors';
import { blockStorageOf } from '../../cloud/sub-port';

/**
 * Delete a volume (a task). Refused up front, in Cinder's terms, while it is attached or not in
 * a deletable state, or while snapshots depend on it (Cinder refuses those too).
 */
export const deleteVolume = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  // A retry of an accepted delete gets its task even once the volume is gone.
  const target = await findTaskTarget(ctx, 'volume', id, 'volume.delete', idempotencyKey);
  if (target.earlier) return target.earlier;
  const { row, project } = target.found;
  await assertNotBusy(ctx, 'volume', row);
  const cloud = await projectCloud(ctx, project.id, row.datacenterId);
  const volume = await readFresh(
    cloud,
    (p, scope, o) => blockStorageOf(p).getVolume(scope, row.externalId, o),
    volumeGone(row.name),
  );
  const allowed = volumeActionStates.delete;
  if (!allowed.includes(volume.status) || volume.attachments.length > 0)
    throw volumeWrongState(volume, 'delete', allowed);
  const snapshots = (
    await cloud.call((p, scope, o) => blockStorageOf(p).listVolumeSnapshots(scope, o))
  ).filter((s) => s.volumeExternalId === volume.externalId);
  if (snapshots.length > 0)
    throw precondition('volume_has_snapshots', {
      volume: volume.name,
      count: snapshots.length,
      snapshots: snapshots.map((s) => s.name || s.externalId).join(', '),
    });
  return queueTask(ctx, {
    project,
    datacenterId: row.datacenterId,
    action: 'volume.delete',
    target: { externalId: row.externalId, resourceId: row.id },
    targetName: volume.name,
    input: {},
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
