import type { Logger } from 'pino';
import { inventoryRedisOf } from '../cloud/inventory-runtime';
import { INVENTORY_QUEUE } from '../services/inventory/inventory-queue';
import type { SyncSettings } from '../services/inventory/run-inventory-sync';
import { inventoryScheduleJob } from './inventory-schedule.job';
import { inventorySyncJob } from './inventory-sync.job';
import type { JobDeps } from './job-deps';
import { startQueueWorker } from './start-queue-worker';

export type InventoryWorker = { close: () => Promise<void> };

/**
 * The inventory queue's worker (in the worker process; tests start one too): the scheduler and
 * the per-datacenter sync jobs, through the one worker bootstrap.
 */
export const startInventoryWorker = async (
  deps: JobDeps,
  opts: {
    log?: Pick<Logger, 'info' | 'warn'>;
    schedule?: boolean;
    settings?: Partial<SyncSettings>;
    concurrency?: number;
  } = {},
): Promise<InventoryWorker> => {
  const { redis, bullPrefix } = inventoryRedisOf(deps.config);
  const worker = await startQueueWorker(deps, {
    queue: INVENTORY_QUEUE,
    jobs: [inventoryScheduleJob, inventorySyncJob(opts.settings)],
    connection: redis,
    prefix: bullPrefix,
    schedule: opts.schedule !== false,
    worker: { concurrency: opts.concurrency ?? 4 },
    ...(opts.log ? { log: opts.log } : {}),
    logDone: (name) => name !== inventoryScheduleJob.name,
  });
  return { close: () => worker.close() };
};
