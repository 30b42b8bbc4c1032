import { Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import {
  legacyTaskJobNames,
  TASK_MAINTENANCE_QUEUE,
  TASK_QUEUE,
} from '../services/tasks/task-runtime';
import type { JobDeps } from './job-deps';
import { taskReconcileJob } from './task-reconcile.job';
import { taskRunJob } from './task-run.job';

/** task.run, and the names earlier versions gave the same job (still in a queue after upgrade). */
const runsTasks = new Set([taskRunJob.name, ...legacyTaskJobNames]);

/** The tasks worker; closing it also closes the maintenance worker it owns. */
class TaskWorker extends Worker {
  maintenance: Worker | null = null;

  override async close(force?: boolean): Promise<void> {
    await this.maintenance?.close(force);
    await super.close(force);
  }
}

/**
 * The 'tasks' queue runs task jobs (I/O-bound waiting, so high concurrency); the reconcile
 * scheduler has its own 'task-maintenance' queue so that a queue full of long follow loops never
 * delays it. Payloads are re-validated here; logs name the job and its id, never the payload.
 */
export const startTaskWorker = async (deps: JobDeps, log: Logger): Promise<Worker> => {
  const runtime = deps.config.tasks;
  const { settings } = runtime;
  const connection = runtime.connection;
  const prefix = runtime.bullPrefix;
  // The reconcile scheduler used to live on the tasks queue: drop it there.
  const tasksQueue = new Queue(TASK_QUEUE, { connection, prefix });
  await tasksQueue.removeJobScheduler(taskReconcileJob.name);
  await tasksQueue.close();
  const maintenanceQueue = new Queue(TASK_MAINTENANCE_QUEUE, { connection, prefix });
  await maintenanceQueue.upsertJobScheduler(
    taskReconcileJob.name,
    { every: settings.reconcileEveryMs },
    { name: taskReconcileJob.name, data: {}, opts: taskReconcileJob.options },
  );
  await maintenanceQueue.close();
  const worker = new TaskWorker(
    TASK_QUEUE,
    async (bullJob) => {
      if (!runsTasks.has(bullJob.name)) throw new Error(`unknown job ${bullJob.name}`);
      const payload = taskRunJob.payload.parse(bullJob.data);
      const attempts = bullJob.opts.attempts ?? 1;
      const result = await taskRunJob.handler(deps, payload, {
        finalAttempt: bullJob.attemptsMade + 1 >= attempts,
      });
      log.info({ job: bullJob.name, id: bullJob.id, result }, 'task job done');
      return result;
    },
    {
      connection,
      prefix,
      concurrency: settings.concurrency,
      lockDuration: settings.lockMs,
      stalledInterval: Math.max(1_000, Math.floor(settings.lockMs / 2)),
      maxStalledCount: 3,
    },
  );
  worker.maintenance = new Worker(
    TASK_MAINTENANCE_QUEUE,
    async (bullJob) => {
      if (bullJob.name !== taskReconcileJob.name) throw new Error(`unknown job ${bullJob.name}`);
      taskReconcileJob.payload.parse(bullJob.data);
      const result = await taskReconcileJob.handler(deps);
      if (result.requeued + result.failed > 0)
        log.info({ job: bullJob.name, id: bullJob.id, result }, 'tasks reconciled');
      return result;
    },
    { connection, prefix, concurrency: 1 },
  );
  for (const w of [worker, worker.maintenance])
    w.on('failed', (job, err) =>
      log.warn({ job: job?.name, id: job?.id, err: err.message }, 'task job attempt failed'),
    );
  return worker;
};
