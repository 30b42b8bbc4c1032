import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { queueResourceTask } from '../resources/queue-resource-task';
import { earlierTask } from './earlier-task';
import { assertNotBusy } from './storage-cloud';

/** Delete a volume snapshot or backup (a task; the cloud's refusal fails it in its words). */
export const deleteVolumeCopy = async (
  ctx: ServiceContext,
  kind: 'volume-snapshot' | 'volume-backup',
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const { row, project } = await findResourceFor(ctx, kind, id, 'resource.use');
  const action = `${kind}.delete` as const;
  const earlier = await earlierTask(ctx, idempotencyKey, {
    projectId: project.id,
    action,
    targetExternalId: row.externalId,
  });
  if (earlier) return earlier;
  await assertNotBusy(ctx, kind, row);
  return queueResourceTask(ctx, {
    project,
    datacenterId: row.datacenterId,
    action,
    kind,
    target: { externalId: row.externalId, resourceId: row.id },
    targetName: row.name,
    input: {},
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
