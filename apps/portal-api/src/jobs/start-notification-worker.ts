import type { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { NOTIFY_QUEUE } from '../services/notifications/notification-runtime';
import type { JobDeps } from './job-deps';
import { notificationDeliverJob } from './notification-deliver.job';
import { startQueueWorker } from './start-queue-worker';

/** The 'notifications' queue: one worker, the settings' concurrency (ADR 0119). */
export const startNotificationWorker = (
  deps: JobDeps,
  log?: Pick<Logger, 'info' | 'warn'>,
): Promise<Worker> => {
  const runtime = deps.config.notifications;
  return startQueueWorker(deps, {
    queue: NOTIFY_QUEUE,
    jobs: [notificationDeliverJob],
    connection: runtime.connection,
    prefix: runtime.bullPrefix,
    worker: { concurrency: runtime.settings.concurrency },
    ...(log ? { log } : {}),
  });
};
