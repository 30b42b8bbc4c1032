import { z } from 'zod';
import { cloudRefSchema, idSchema, listQuery, timestamp } from '../common';
import { idempotencyKeySchema } from '../servers/server.schema';
import { taskSchema } from '../tasks/task.schema';
import { resourceKinds } from './resource-kinds';

/** What every storage/network object of the mirror shows; `spec` is the kind's own shape. */
export const resourceItemSchema = <S extends z.ZodType>(spec: S) =>
  z.object({
    /** The mirror id: item routes `/api/v1/<kind>/:id`. */
    id: z.string(),
    kind: z.enum(resourceKinds),
    datacenterId: z.string(),
    projectId: z.string().nullable(),
    /** The cloud's id. */
    externalId: z.string(),
    name: z.string(),
    /** The cloud's status words (volume `in-use`, load balancer `ACTIVE`, …). */
    status: z.string(),
    spec,
    /** The unfinished task on this object, if any (the UI shows it live). */
    activeTask: z.object({ id: z.string(), action: z.string(), status: z.string() }).nullable(),
    firstSeenAt: timestamp,
    observedAt: timestamp,
    deletedAt: timestamp.nullable(),
  });

export const resourceSorts = [
  'name',
  '-name',
  'status',
  '-status',
  'createdAt',
  '-createdAt',
] as const;

export const resourceListQuery = listQuery.extend({
  status: z.string().trim().min(1).max(40).optional(),
  datacenterId: idSchema.optional(),
  sort: z.enum(resourceSorts).default('-createdAt'),
  includeDeleted: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ResourceListQuery = z.output<typeof resourceListQuery>;

/** A create or action answers 202 with the task that carries it. */
export const taskAccepted = z.object({ task: taskSchema });

export const projectParams = z.object({ projectId: idSchema });

/** Every mutating body may carry an idempotency key (or send the Idempotency-Key header). */
export const withIdempotencyKey = { idempotencyKey: idempotencyKeySchema.optional() };

/** A name as OpenStack and Horizon accept it. */
export const resourceName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((v) => !/[\p{Cc}]/u.test(v), { message: 'no control characters' });

export const externalRef = cloudRefSchema;
