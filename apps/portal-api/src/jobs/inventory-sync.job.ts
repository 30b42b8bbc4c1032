import {
  INVENTORY_QUEUE,
  INVENTORY_SYNC_JOB,
  syncPayload,
  type SyncPayload,
} from '../services/inventory/inventory-queue';
import { runInventorySync, type SyncSettings } from '../services/inventory/run-inventory-sync';
import { defineJob } from './job-definition';
import type { JobDeps } from './job-deps';

/**
 * One datacenter's inventory sync (full or changes-since). Job id = one per datacenter, so two
 * never overlap in the queue; the sync lease covers the rest. No retries: the scheduler runs
 * again within a minute and the sync state shows the failure meanwhile.
 */
export const inventorySyncJob = (settings?: Partial<SyncSettings>) =>
  defineJob({
    name: INVENTORY_SYNC_JOB,
    queue: INVENTORY_QUEUE,
    payload: syncPayload,
    options: { attempts: 1, removeOnComplete: true, removeOnFail: true },
    handler: (deps: JobDeps, payload: SyncPayload) =>
      runInventorySync(deps, payload.datacenterId, payload.mode, {
        runId: payload.runId,
        ...(settings ? { settings } : {}),
      }),
  });
