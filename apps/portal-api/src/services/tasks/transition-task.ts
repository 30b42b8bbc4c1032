import type { Database } from '../../repositories/db-client';
import {
  inTaskTransaction,
  updateTaskIf,
  type TaskPatch,
  type TaskRow,
} from '../../repositories/task-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceConfig } from '../context';

/** What the worker's task code needs. */
export type TaskDeps = { db: Database; config: ServiceConfig; now: () => Date };

/** The task's change is in the event log (task-repository wrote it): wake the SSE readers. */
export const publishTask = (deps: TaskDeps, _row: TaskRow): Promise<void> =>
  deps.config.tasks.events.wake();

/**
 * Move a task while it is still in one of `from`; a status change leaves an audit row in the
 * same transaction. Every change is published. Null when the task had already moved on.
 */
export const transitionTask = async (
  deps: TaskDeps,
  task: TaskRow,
  from: readonly string[],
  patch: TaskPatch,
  audit?: { detail?: Record<string, string | number | boolean | null> },
  /** Write only while the task is still on this attempt (the worker's compare-and-set). */
  guard?: { attempts: number },
): Promise<TaskRow | null> => {
  if (!audit && patch.status === undefined) {
    // Progress without a status change: no audit row, one statement; a bare heartbeat is not news.
    const updated = await updateTaskIf(deps.db, task.id, from, patch, guard?.attempts);
    const news = Object.keys(patch).some((k) => k !== 'heartbeatAt');
    if (updated && news) await publishTask(deps, updated);
    return updated;
  }
  const row = await inTaskTransaction(deps.db, async (tx) => {
    const updated = await updateTaskIf(tx, task.id, from, patch, guard?.attempts);
    if (!updated) return updated;
    await recordAudit(
      tx,
      {
        db: deps.db,
        config: deps.config,
        requestId: `task-${task.id}`,
        sourceIp: null,
        now: deps.now,
        audit: { written: false },
      },
      {
        action: task.action,
        targetType: task.targetType,
        targetId: updated.resourceId ?? updated.targetExternalId,
        targetName: task.targetName,
        departmentId: task.departmentId,
        projectId: task.projectId,
        result: updated.status === 'failed' ? 'failure' : 'success',
        actor: { id: task.actorId, name: task.actorName },
        detail: {
          taskId: task.id,
          status: updated.status,
          attempt: updated.attempts,
          ...(updated.errorReason ? { reason: updated.errorReason } : {}),
          ...(updated.errorMessage ? { message: updated.errorMessage } : {}),
          ...audit?.detail,
        },
      },
    );
    return updated;
  });
  if (row) await publishTask(deps, row);
  return row;
};
