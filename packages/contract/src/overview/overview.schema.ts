import { z } from 'zod';
import { timestamp } from '../common';
import { tunnelStateSchema } from '../agent/tunnel-registry.schema';
import { syncStateSchema } from '../inventory/inventory.schema';
import { taskSchema } from '../tasks/task.schema';

/** How many mirror rows of one type are in one state (the cloud's status word, as stored). */
export const overviewResourceCountSchema = z.object({
  type: z.string(),
  status: z.string(),
  count: z.number().int(),
});

/** Use against the limit of one quota: a department's (admins) or a project's (members). */
export const overviewQuotaSchema = z.object({
  scope: z.enum(['department', 'project']),
  ownerId: z.string(),
  ownerName: z.string(),
  resource: z.string(),
  used: z.number().int(),
  /** -1 = unlimited. */
  limit: z.number().int(),
});

export const overviewDatacenterSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  kind: z.string(),
  tunnel: tunnelStateSchema,
  sync: syncStateSchema.shape.state,
  lastSyncAt: timestamp.nullable(),
  lastSyncError: z.string().nullable(),
});

export const overviewSchema = z.object({
  /** platform: everything; projects: the projects the caller reaches. */
  reach: z.enum(['platform', 'projects']),
  projectCount: z.number().int(),
  resources: z.array(overviewResourceCountSchema),
  quotas: z.array(overviewQuotaSchema),
  tasks: z.object({
    /** Queued or running, newest first, at most five. */
    active: z.array(taskSchema),
    /** Newest first, at most five. */
    recent: z.array(taskSchema),
    activeCount: z.number().int(),
    failedLastDay: z.number().int(),
  }),
  datacenters: z.array(overviewDatacenterSchema),
  generatedAt: timestamp,
});
export type Overview = z.infer<typeof overviewSchema>;
export type OverviewQuota = z.infer<typeof overviewQuotaSchema>;
export type OverviewDatacenter = z.infer<typeof overviewDatacenterSchema>;
