import type { CreateVolumeSnapshotInput, Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { queueTask } from '../tasks/queue-task';
import { earlierTask } from '../resources/earlier-task';
import { assertCapability, projectCloud } from '../project-cloud';
import { assertNotBusy } from './storage-checks';
import { readyVolume, sourceVolumeOf } from './source-volume-of';

/** Snapshot a volume of this project (force for an in-use one): snapshots quota, then a task. */
export const createVolumeSnapshot = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateVolumeSnapshotInput,
): Promise<Task> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierTask(ctx, input.idempotencyKey, {
    projectId: project.id,
    action: 'volume-snapshot.create',
    targetName: input.name,
  });
  if (earlier) return earlier;
  const row = await sourceVolumeOf(ctx, project, input.volumeId);
  await assertNotBusy(ctx, 'volume', row);
  const cloud = await projectCloud(ctx, project.id, row.datacenterId);
  await assertCapability(cloud, 'volume.snapshot', 'snapshot');
  const volume = await readyVolume(cloud, row, 'snapshot', input.force);
  return queueTask(ctx, {
    project,
    datacenterId: row.datacenterId,
    action: 'volume-snapshot.create',
    targetName: input.name,
    input: {
      volumeExternalId: volume.externalId,
      volumeName: volume.name,
      name: input.name,
      force: input.force,
      ...(input.description !== undefined ? { description: input.description } : {}),
    },
    demand: { snapshots: 1 },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
