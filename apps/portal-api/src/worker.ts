import { Queue, Worker } from 'bullmq';
import pino from 'pino';
import { closeDeps, createDeps } from './deps';
import { loadEnv } from './env';
import { startInventoryWorker } from './jobs/inventory-worker';
import { purgeExpiredSessionsJob } from './jobs/purge-expired-sessions.job';
import { reconcileAgentKeysJob } from './jobs/reconcile-agent-keys.job';
import { recordAgentsSeenJob } from './jobs/record-agents-seen.job';
import { startTaskWorker } from './jobs/start-task-worker';

/** The worker process: BullMQ workers and job schedulers. Never inside the API process. */
const env = loadEnv();
const log = pino({ level: env.LOG_LEVEL, name: 'worker' });
const deps = createDeps(env);
const connection = deps.redis;

const jobs = [purgeExpiredSessionsJob, reconcileAgentKeysJob, recordAgentsSeenJob];
const queues = [...new Set(jobs.map((j) => j.queue))];

for (const job of jobs) {
  const queue = new Queue(job.queue, { connection });
  await queue.upsertJobScheduler(job.name, job.schedule, {
    name: job.name,
    data: {},
    opts: job.options,
  });
  await queue.close();
}

const workers = queues.map(
  (queueName) =>
    new Worker(
      queueName,
      async (bullJob) => {
        const job = jobs.find((j) => j.name === bullJob.name);
        if (!job) throw new Error(`unknown job ${bullJob.name}`);
        job.payload.parse(bullJob.data); // re-validated in the worker; these jobs carry no data
        const result = await job.handler({
          db: deps.db,
          config: deps.config,
          now: () => new Date(),
        });
        log.info({ job: job.name, id: bullJob.id, result }, 'job done');
        return result;
      },
      { connection, concurrency: 4 },
    ),
);
// Tasks (server create/action/delete + task.reconcile) on their own queue and concurrency.
workers.push(
  await startTaskWorker({ db: deps.db, config: deps.config, now: () => new Date() }, log),
);
for (const w of workers)
  w.on('failed', (job, err) =>
    log.error({ job: job?.name, id: job?.id, err: err.message }, 'job failed'),
  );
const inventory = await startInventoryWorker(
  { db: deps.db, config: deps.config, now: () => new Date() },
  { log },
);
log.info({ queues }, 'worker started');

const stop = async (signal: string) => {
  log.info({ signal }, 'worker shutting down');
  await Promise.all(workers.map((w) => w.close()));
  await inventory.close();
  await closeDeps(deps);
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
