import type { ResourceTaskAction, Task } from '@yunguan/contract';
import type { JsonInput } from '../../repositories/db-client';
import type { ProjectRow } from '../../repositories/project-repository';
import type { ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';

/** Queue a task on an existing mirror object (its datacenter, project, name and cloud id). */
export const queueOnResource = (
  ctx: ServiceContext,
  found: { row: ResourceRow; project: ProjectRow },
  action: ResourceTaskAction,
  input: Record<string, JsonInput | null>,
  idempotencyKey?: string,
): Promise<Task> =>
  queueTask(ctx, {
    project: found.project,
    datacenterId: found.row.datacenterId,
    action,
    target: { externalId: found.row.externalId, resourceId: found.row.id },
    targetName: found.row.name,
    input,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
