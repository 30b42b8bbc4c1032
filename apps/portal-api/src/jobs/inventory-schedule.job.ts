import { z } from 'zod';
import { INVENTORY_QUEUE } from '../services/inventory/inventory-queue';
import { scheduleInventorySyncs } from '../services/inventory/schedule-inventory-syncs';
import { defineJob } from './job-definition';
import type { JobDeps } from './job-deps';

/** Every 60 s: fan out one inventory.sync per datacenter (full every 10 min). */
export const inventoryScheduleJob = defineJob({
  name: 'inventory.schedule',
  queue: INVENTORY_QUEUE,
  payload: z.object({}).strict(),
  schedule: { every: 60_000 },
  options: { attempts: 1, removeOnComplete: 100, removeOnFail: 500 },
  handler: (deps: JobDeps) => scheduleInventorySyncs(deps),
});
