import type { Task, VolumeBackupActionInput } from '@yunguan/contract';
import { precondition } from '@yunguan/domain';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { queueTask } from '../tasks/queue-task';
import { earlierTask } from '../resources/earlier-task';
import { sourceVolumeOf } from './source-volume-of';
import { assertCapability, projectCloud } from '../project-cloud';
import { assertNotBusy, readFresh } from './storage-checks';
import { volumeGone, volumeWrongState } from './storage-errors';
import { blockStorageOf } from '../../cloud/sub-port';

/**
 * Restore a backup into one of the project's volumes (available, at least the backup's size;
 * its data is overwritten) or into a new volume (volumes / volume_gb quota). A task.
 */
export const restoreVolumeBackup = async (
  ctx: ServiceContext,
  id: string,
  input: VolumeBackupActionInput,
): Promise<Task> => {
  const { row, project } = await findResourceFor(ctx, 'volume-backup', id, 'resource.use');
  const earlier = await earlierTask(ctx, input.idempotencyKey, {
    projectId: project.id,
    action: 'volume-backup.restore',
    targetExternalId: row.externalId,
  });
  if (earlier) return earlier;
  await assertNotBusy(ctx, 'volume-backup', row);
  const into = input.volumeId ? await sourceVolumeOf(ctx, project, input.volumeId) : null;
  if (into && into.datacenterId !== row.datacenterId)
    throw precondition('volume_source_other_datacenter', {
      what: 'Backup',
      name: row.name,
      datacenter: into.datacenterId,
    });
  if (into) await assertNotBusy(ctx, 'volume', into);
  const cloud = await projectCloud(ctx, project.id, row.datacenterId);
  await assertCapability(cloud, 'volume.backup', 'restore');
  const backup = await readFresh(
    cloud,
    (p, scope, o) => blockStorageOf(p).getVolumeBackup(scope, row.externalId, o),
    () => precondition('backup_not_available', { backup: row.name, status: 'deleted' }),
  );
  if (backup.status !== 'available')
    throw precondition('backup_not_available', { backup: backup.name, status: backup.status });
  let volumeInput = {};
  if (into) {
    const volume = await readFresh(
      cloud,
      (p, scope, o) => blockStorageOf(p).getVolume(scope, into.externalId, o),
      volumeGone(into.name),
    );
    if (volume.status !== 'available') throw volumeWrongState(volume, 'restore', ['available']);
    if (volume.sizeGb < backup.sizeGb)
      throw precondition('backup_restore_too_small', {
        volume: volume.name,
        sizeGb: volume.sizeGb,
        backup: backup.name,
        backupGb: backup.sizeGb,
      });
    volumeInput = { volumeExternalId: volume.externalId, volumeName: volume.name };
  }
  return queueTask(ctx, {
    project,
    datacenterId: row.datacenterId,
    action: 'volume-backup.restore',
    target: { externalId: row.externalId, resourceId: row.id },
    targetName: backup.name,
    input: { ...volumeInput, ...(input.name ? { name: input.name } : {}) },
    ...(into ? {} : { demand: { volumes: 1, volume_gb: backup.sizeGb } }),
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
