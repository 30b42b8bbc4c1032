import type { ResourceKind, ResourceTaskAction, Task } from '@yunguan/contract';
import { notFound } from '@yunguan/domain';
import type { ProjectRow } from '../../repositories/project-repository';
import type { ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';
import { earlierTask } from './earlier-task';
import { findResourceFor } from './find-resource-for';

export type TaskTarget =
  | { earlier: Task; found: null }
  | { earlier: null; found: { row: ResourceRow; project: ProjectRow } };

/**
 * The object a task would act on — or, for a retry (same Idempotency-Key) of a request that
 * was accepted, that request's task, before any state check: after add-interface succeeded the
 * interface exists, after a delete the object is gone, and the retry must still get its task
 * (ADR 0107). Without an earlier task a deleted object is a 404 as always.
 */
export const findTaskTarget = async (
  ctx: ServiceContext,
  kind: ResourceKind,
  id: string,
  action: ResourceTaskAction,
  idempotencyKey: string | undefined,
): Promise<TaskTarget> => {
  const found = await findResourceFor(ctx, kind, id, 'resource.use', {
    includeDeleted: Boolean(idempotencyKey),
  });
  const earlier = await earlierTask(ctx, idempotencyKey, {
    projectId: found.project.id,
    action,
    targetExternalId: found.row.externalId,
  });
  if (earlier) return { earlier, found: null };
  if (found.row.deletedAt) throw notFound(kind, id);
  return { earlier: null, found };
};

/** A create's retry (same Idempotency-Key, same project, action and name) gets its task back. */
export const earlierCreate = (
  ctx: ServiceContext,
  projectId: string,
  action: ResourceTaskAction,
  idempotencyKey: string | undefined,
  targetName?: string,
): Promise<Task | null> =>
  earlierTask(ctx, idempotencyKey, {
    projectId,
    action,
    ...(targetName === undefined ? {} : { targetName }),
  });
