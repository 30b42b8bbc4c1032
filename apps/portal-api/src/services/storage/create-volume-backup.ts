import type { CreateVolumeBackupInput, Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { queueTask } from '../tasks/queue-task';
import { earlierTask } from '../resources/earlier-task';
import { readyVolume, sourceVolumeOf } from './source-volume-of';
import { assertCapability, projectCloud } from '../project-cloud';
import { assertNotBusy } from './storage-checks';

/**
 * Back up a volume of this project: refused up front when the datacenter runs no backup
 * service (Cinder would accept it and leave an undeletable backup in error); backups quota;
 * then a task.
 */
export const createVolumeBackup = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateVolumeBackupInput,
): Promise<Task> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierTask(ctx, input.idempotencyKey, {
    projectId: project.id,
    action: 'volume-backup.create',
    targetName: input.name,
  });
  if (earlier) return earlier;
  const row = await sourceVolumeOf(ctx, project, input.volumeId);
  await assertNotBusy(ctx, 'volume', row);
  const cloud = await projectCloud(ctx, project.id, row.datacenterId);
  await assertCapability(cloud, 'volume.backup', 'backup');
  const volume = await readyVolume(cloud, row, 'backup', input.force);
  return queueTask(ctx, {
    project,
    datacenterId: row.datacenterId,
    action: 'volume-backup.create',
    targetName: input.name,
    input: {
      volumeExternalId: volume.externalId,
      volumeName: volume.name,
      name: input.name,
      incremental: input.incremental,
      force: input.force,
      ...(input.description !== undefined ? { description: input.description } : {}),
    },
    demand: { backups: 1 },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
