import { listTasksToReconcile } from '../../repositories/task-repository';
import { failTask } from './run-task';
import type { TaskDeps } from './transition-task';

/** Jobs in these states will run (or are running): nothing to repair. */
const alive = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Repair tasks no worker is moving: running with a stale heartbeat, or queued for a while, and
 * whose BullMQ job is missing or finished. They are re-enqueued under the same job id (never a
 * duplicate), or failed for good after maxAttempts claims — a task never stays running forever.
 */
export const reconcileTasks = async (
  deps: TaskDeps,
): Promise<{ checked: number; requeued: number; failed: number }> => {
  const { settings } = deps.config.tasks;
  const now = deps.now().getTime();
  const rows = await listTasksToReconcile(deps.db, {
    heartbeatBefore: new Date(now - settings.staleAfterMs),
    queuedBefore: new Date(now - Math.min(settings.staleAfterMs, 10_000)),
    take: 1000,
  });
  let requeued = 0;
  let failed = 0;
  for (const row of rows) {
    if (row.action.startsWith('image.')) {
      // Image tasks run inside the request that carries them (ADR 0108): nothing to resume.
      await failTask(deps, row, {
        reason: 'image_task_interrupted',
        params: { detail: `no progress for ${Math.round(settings.staleAfterMs / 1000)} s` },
      });
      failed += 1;
      continue;
    }
    const state = await deps.config.tasks.jobState(row.id);
    if (alive.has(state)) continue;
    if (row.attempts >= settings.maxAttempts) {
      await failTask(deps, row, {
        reason: 'task_gave_up',
        params: { attempts: row.attempts, detail: `its job was ${state}` },
      });
      failed += 1;
      continue;
    }
    await deps.config.tasks.requeue(row.id);
    requeued += 1;
  }
  return { checked: rows.length, requeued, failed };
};
