import { Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { inventoryRedisOf } from '../cloud/inventory-runtime';
import { INVENTORY_QUEUE } from '../services/inventory/inventory-queue';
import type { SyncSettings } from '../services/inventory/run-inventory-sync';
import { inventoryScheduleJob } from './inventory-schedule.job';
import { inventorySyncJob } from './inventory-sync.job';
import type { JobDeps } from './job-deps';

export type InventoryWorker = { close: () => Promise<void> };

/**
 * The inventory queue's worker (in the worker process; tests start one too): the scheduler and
 * the per-datacenter sync jobs. Payloads are re-validated here; logs name job and id only.
 */
export const startInventoryWorker = async (
  deps: JobDeps,
  opts: {
    log?: Pick<Logger, 'info' | 'error'>;
    schedule?: boolean;
    settings?: Partial<SyncSettings>;
    concurrency?: number;
  } = {},
): Promise<InventoryWorker> => {
  const { redis, bullPrefix } = inventoryRedisOf(deps.config);
  if (opts.schedule !== false) {
    const queue = new Queue(INVENTORY_QUEUE, { connection: redis, prefix: bullPrefix });
    await queue.upsertJobScheduler(inventoryScheduleJob.name, inventoryScheduleJob.schedule, {
      name: inventoryScheduleJob.name,
      data: {},
      opts: inventoryScheduleJob.options,
    });
    await queue.close();
  }
  const worker = new Worker(
    INVENTORY_QUEUE,
    async (job) => {
      if (job.name === inventoryScheduleJob.name) {
        inventoryScheduleJob.payload.parse(job.data);
        return inventoryScheduleJob.handler(deps);
      }
      if (job.name === inventorySyncJob.name) {
        const result = await inventorySyncJob.handler(
          deps,
          inventorySyncJob.payload.parse(job.data),
          opts.settings,
        );
        opts.log?.info({ job: job.name, id: job.id, outcome: result.outcome }, 'job done');
        return result;
      }
      throw new Error(`unknown job ${job.name}`);
    },
    { connection: redis, prefix: bullPrefix, concurrency: opts.concurrency ?? 4 },
  );
  worker.on('failed', (job, err) =>
    opts.log?.error({ job: job?.name, id: job?.id, err: err.message }, 'job failed'),
  );
  return { close: () => worker.close() };
};
