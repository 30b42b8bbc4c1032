import type { Task } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { listTasksByKeys } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { toTask } from '../tasks/to-task';

/** Task i of a request with key K: K for the first, K#2 … K#20 for the others. */
export const keyOfTask = (key: string, index: number) =>
  index === 0 ? key : `${key}#${index + 1}`;

/**
 * The tasks an earlier request with this key made (in name order), or null. The same key with a
 * different request is a CONFLICT: a key names one request.
 */
export const findTasksByKey = async (
  ctx: ServiceContext,
  key: string,
  requestHash: string,
): Promise<Task[] | null> => {
  const keys = Array.from({ length: 20 }, (_, i) => keyOfTask(key, i));
  const rows = await listTasksByKeys(ctx.db, ctx.principal.userId, keys);
  if (rows.length === 0) return null;
  if (rows.some((r) => r.requestHash !== requestHash)) throw conflict('idempotency_key_reused');
  return rows
    .sort((a, b) => keys.indexOf(a.idempotencyKey ?? '') - keys.indexOf(b.idempotencyKey ?? ''))
    .map((r) => toTask(r));
};
