import pino from 'pino';
import { closeDeps, createDeps } from './deps';
import { loadEnv } from './env';
import { startInventoryWorker } from './jobs/inventory-worker';
import { pruneEventsJob } from './jobs/prune-events.job';
import { purgeExpiredSessionsJob } from './jobs/purge-expired-sessions.job';
import { reconcileAgentKeysJob } from './jobs/reconcile-agent-keys.job';
import { recordAgentsSeenJob } from './jobs/record-agents-seen.job';
import { startNotificationWorker } from './jobs/start-notification-worker';
import { startQueueWorker } from './jobs/start-queue-worker';
import { startTaskWorker } from './jobs/start-task-worker';

/** The worker process: BullMQ workers and job schedulers. Never inside the API process. */
const env = loadEnv();
const log = pino({ level: env.LOG_LEVEL, name: 'worker' });
const deps = createDeps(env);
const connection = deps.redis;

const jobDeps = { db: deps.db, config: deps.config, now: () => new Date() };
// Housekeeping on the 'maintenance' queue; tasks and the inventory on their own queues.
const workers = [
  await startQueueWorker(jobDeps, {
    queue: 'maintenance',
    jobs: [
      purgeExpiredSessionsJob,
      reconcileAgentKeysJob,
      recordAgentsSeenJob,
      pruneEventsJob(env.EVENT_RETENTION_DAYS),
    ],
    connection,
    worker: { concurrency: 4 },
    log,
  }),
];
workers.push(await startTaskWorker(jobDeps, log));
workers.push(await startNotificationWorker(jobDeps, log));
const inventory = await startInventoryWorker(jobDeps, { log });
log.info(
  { queues: ['maintenance', 'tasks', 'task-maintenance', 'notifications', 'inventory'] },
  'worker started',
);

const stop = async (signal: string) => {
  log.info({ signal }, 'worker shutting down');
  await Promise.all(workers.map((w) => w.close()));
  await inventory.close();
  await closeDeps(deps);
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
