import type { Task } from '@yunguan/contract';
import { precondition } from '@yunguan/domain';
import type { ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { findTaskTarget } from '../resources/task-target';
import { projectCloud } from '../project-cloud';
import { assertNotBusy } from './storage-checks';
import { blockStorageOf } from '../../cloud/sub-port';

/** Cinder keeps a snapshot while volumes made from it exist: refuse up front, naming them. */
const assertNoDependentVolumes = async (
  ctx: ServiceContext,
  projectId: string,
  row: Pick<ResourceRow, 'datacenterId' | 'externalId' | 'name'>,
) => {
  const cloud = await projectCloud(ctx, projectId, row.datacenterId);
  const dependent = (
    await cloud.call((p, scope, o) => blockStorageOf(p).listVolumes(scope, o))
  ).filter((v) => v.sourceSnapshotExternalId === row.externalId);
  if (dependent.length > 0)
    throw precondition('snapshot_has_dependent_volumes', {
      snapshot: row.name,
      count: dependent.length,
      volumes: dependent.map((v) => v.name || v.externalId).join(', '),
    });
};

/** Delete a volume snapshot or backup (a task; the cloud's refusal fails it in its words). */
export const deleteVolumeCopy = async (
  ctx: ServiceContext,
  kind: 'volume-snapshot' | 'volume-backup',
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const action = `${kind}.delete` as const;
  // A retry of an accepted delete gets its task even once the object is gone.
  const target = await findTaskTarget(ctx, kind, id, action, idempotencyKey);
  if (target.earlier) return target.earlier;
  const { row, project } = target.found;
  await assertNotBusy(ctx, kind, row);
  if (kind === 'volume-snapshot') await assertNoDependentVolumes(ctx, project.id, row);
  return queueTask(ctx, {
    project,
    datacenterId: row.datacenterId,
    action,
    target: { externalId: row.externalId, resourceId: row.id },
    targetName: row.name,
    input: {},
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
