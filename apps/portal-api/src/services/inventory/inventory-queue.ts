import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { inventoryRedisOf } from '../../cloud/inventory-runtime';
import type { ServiceConfig } from '../context';

export const INVENTORY_QUEUE = 'inventory';
export const INVENTORY_SYNC_JOB = 'inventory.sync';

export const syncPayload = z.object({
  datacenterId: z.string().min(1),
  mode: z.enum(['full', 'changes']),
  runId: z.string().min(1),
});
export type SyncPayload = z.infer<typeof syncPayload>;

/** One job id per datacenter: BullMQ keeps at most one queued or active sync of it. */
export const syncJobId = (datacenterId: string) => `inventory-sync-${datacenterId}`;

const queues = new WeakMap<Redis, Queue>();

export const inventoryQueueOf = (config: ServiceConfig): Queue => {
  const { redis, bullPrefix } = inventoryRedisOf(config);
  let queue = queues.get(redis);
  if (!queue) {
    queue = new Queue(INVENTORY_QUEUE, { connection: redis, prefix: bullPrefix });
    queues.set(redis, queue);
  }
  return queue;
};

const pendingStates = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Queue a sync of the datacenter unless one is queued or running already; answers the run
 * that will (or does) happen. Never waits for the run.
 */
export const enqueueSync = async (
  config: ServiceConfig,
  input: { datacenterId: string; mode: 'full' | 'changes'; runId: string },
): Promise<{ queued: boolean; payload: SyncPayload }> => {
  const queue = inventoryQueueOf(config);
  const jobId = syncJobId(input.datacenterId);
  const existing = await queue.getJob(jobId);
  if (existing && pendingStates.has(await existing.getState())) {
    const payload = syncPayload.safeParse(existing.data);
    if (payload.success) return { queued: false, payload: payload.data };
  }
  if (existing) await existing.remove(); // finished, kept by an older setting: make room
  const payload = syncPayload.parse(input);
  await queue.add(INVENTORY_SYNC_JOB, payload, {
    jobId,
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: true,
  });
  return { queued: true, payload };
};
