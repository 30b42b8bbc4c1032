import { z } from 'zod';
import { timestamp } from '../common';
import { taskSchema } from '../tasks/task.schema';

/**
 * What GET /api/v1/events streams (text/event-stream). Every event names the project and
 * department it belongs to; a user receives only events of projects they can read.
 * SSE framing: `event: <type>`, `id: <id>`, `data: <this JSON>`; `: ping` every 15 s.
 */
export const taskUpdatedEventSchema = z.object({
  type: z.literal('task.updated'),
  id: z.string(),
  at: timestamp,
  departmentId: z.string(),
  projectId: z.string(),
  task: taskSchema,
});

export const resourceChangedEventSchema = z.object({
  type: z.literal('resource.changed'),
  id: z.string(),
  at: timestamp,
  /** null for cloud objects no project owns yet (only platform administrators see those). */
  departmentId: z.string().nullable(),
  projectId: z.string().nullable(),
  datacenterId: z.string(),
  resourceType: z.string(),
  /** The mirror row (e.g. GET /api/v1/servers/:id). */
  resourceId: z.string(),
  externalId: z.string(),
  change: z.enum(['created', 'updated', 'deleted']),
  name: z.string().nullable(),
  status: z.string().nullable(),
});

export const portalEventSchema = z.discriminatedUnion('type', [
  taskUpdatedEventSchema,
  resourceChangedEventSchema,
]);
export type PortalEvent = z.infer<typeof portalEventSchema>;
export type TaskUpdatedEvent = z.infer<typeof taskUpdatedEventSchema>;
export type ResourceChangedEvent = z.infer<typeof resourceChangedEventSchema>;
export const portalEventTypes = ['task.updated', 'resource.changed'] as const;

/**
 * `event: reset` (ADR 0112): the stream cannot replay what this client missed (its
 * Last-Event-ID is older than the retained log, too many events behind, or unknown to the
 * server). The client re-reads what it shows; the stream goes on live from `seq`.
 */
export const streamResetSchema = z.object({
  type: z.literal('reset'),
  seq: z.string(),
  reason: z.enum(['too_far_behind', 'unknown_position']),
});
export type StreamReset = z.infer<typeof streamResetSchema>;

/** Resume position: the `Last-Event-ID` header, or `?lastEventId=` when a client cannot set it. */
export const lastEventIdSchema = z.string().regex(/^\d{1,18}$/);
