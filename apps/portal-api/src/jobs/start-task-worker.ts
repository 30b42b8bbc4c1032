import { Queue, type Worker } from 'bullmq';
import type { Logger } from 'pino';
import { TASK_MAINTENANCE_QUEUE, TASK_QUEUE } from '../services/tasks/task-runtime';
import type { JobDeps } from './job-deps';
import { startQueueWorker } from './start-queue-worker';
import { taskReconcileJob } from './task-reconcile.job';
import { taskRunJob } from './task-run.job';

/** The tasks worker; closing it also closes the maintenance worker it owns. */
export type TaskWorker = Worker & { maintenance?: Worker };

/**
 * The 'tasks' queue runs task.run (I/O-bound waiting, so high concurrency); the reconcile
 * scheduler has its own 'task-maintenance' queue so that a queue full of long follow loops never
 * delays it. Both through the one worker bootstrap (startQueueWorker).
 */
export const startTaskWorker = async (deps: JobDeps, log: Logger): Promise<Worker> => {
  const runtime = deps.config.tasks;
  const { settings, connection, bullPrefix: prefix } = runtime;
  // The reconcile scheduler used to live on the tasks queue: drop it there.
  const tasksQueue = new Queue(TASK_QUEUE, { connection, prefix });
  await tasksQueue.removeJobScheduler(taskReconcileJob.name);
  await tasksQueue.close();
  const maintenance = await startQueueWorker(deps, {
    queue: TASK_MAINTENANCE_QUEUE,
    jobs: [{ ...taskReconcileJob, schedule: { every: settings.reconcileEveryMs } }],
    connection,
    prefix,
    worker: { concurrency: 1 },
    log,
    logDone: (_name, result) => {
      const r = result as { requeued: number; failed: number };
      return r.requeued + r.failed > 0;
    },
  });
  const worker = await startQueueWorker(deps, {
    queue: TASK_QUEUE,
    jobs: [taskRunJob],
    connection,
    prefix,
    worker: {
      concurrency: settings.concurrency,
      lockDuration: settings.lockMs,
      stalledInterval: Math.max(1_000, Math.floor(settings.lockMs / 2)),
      maxStalledCount: 3,
    },
    log,
  });
  const close = worker.close.bind(worker);
  worker.close = async (force?: boolean) => {
    await maintenance.close(force);
    await close(force);
  };
  return worker;
};
