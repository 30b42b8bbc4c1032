import type { Task } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { findTaskByIdempotencyKey } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { toTask } from '../tasks/to-task';

/**
 * A retried request (same Idempotency-Key) gets its task back before the state checks run —
 * after an attach succeeded the volume is in-use, and the retry must not be refused for that.
 * The same key on another request is a CONFLICT. queueTask checks the full request
 * again when it is reached.
 */
export const earlierTask = async (
  ctx: ServiceContext,
  key: string | undefined,
  same: { projectId: string; action: string; targetExternalId?: string; targetName?: string },
): Promise<Task | null> => {
  if (!key) return null;
  const row = await findTaskByIdempotencyKey(ctx.db, ctx.principal.userId, key);
  if (!row) return null;
  const matches =
    row.projectId === same.projectId &&
    row.action === same.action &&
    (same.targetExternalId === undefined || row.targetExternalId === same.targetExternalId) &&
    (same.targetName === undefined || row.targetName === same.targetName);
  if (!matches) throw conflict('idempotency_key_reused');
  return toTask(row);
};
