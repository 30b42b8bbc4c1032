import { z } from 'zod';
import { cloudRefSchema, idSchema, listQuery, nameSchema, timestamp } from '../common';
import { taskSchema } from '../tasks/task.schema';

/** Normalised server statuses (the same words as the cloud port, packages/cloud-core). */
export const serverStatuses = [
  'building',
  'active',
  'stopped',
  'paused',
  'suspended',
  'shelved',
  'rebooting',
  'resizing',
  'verify-resize',
  'reverting-resize',
  'migrating',
  'rebuilding',
  'deleting',
  'deleted',
  'error',
  'unknown',
] as const;
export const serverStatusSchema = z.enum(serverStatuses);
export type ServerStatus = z.infer<typeof serverStatusSchema>;

export const serverAddressSchema = z.object({
  network: z.string(),
  ip: z.string(),
  version: z.union([z.literal(4), z.literal(6)]),
  type: z.enum(['fixed', 'floating']),
  mac: z.string().nullable(),
});

/** A server as the portal's inventory mirror knows it. */
export const serverSchema = z.object({
  /** The portal's id of the mirror row (use it in /api/v1/servers/:id). */
  id: z.string(),
  externalId: z.string(),
  name: z.string(),
  status: serverStatusSchema,
  /** The cloud's own words, e.g. ACTIVE / resize_migrating. */
  rawStatus: z.string().nullable(),
  taskState: z.string().nullable(),
  locked: z.boolean(),
  datacenterId: z.string(),
  projectId: z.string().nullable(),
  departmentId: z.string().nullable(),
  flavor: z
    .object({
      externalId: z.string().nullable(),
      name: z.string(),
      vcpus: z.number().int(),
      ramMb: z.number().int(),
      diskGb: z.number().int(),
    })
    .nullable(),
  imageExternalId: z.string().nullable(),
  availabilityZone: z.string().nullable(),
  addresses: z.array(serverAddressSchema),
  keyName: z.string().nullable(),
  securityGroups: z.array(z.string()),
  /** The cloud's fault, e.g. "No valid host was found…", when the server is in error. */
  fault: z.object({ code: z.number().int(), message: z.string() }).nullable(),
  /** Actions the current state allows (see serverActionsAllowed); the UI enables these. */
  allowedActions: z.array(z.string()),
  /** The unfinished task on this server, if any: a second one is refused until it ends. */
  activeTask: z.object({ id: z.string(), action: z.string(), status: z.string() }).nullable(),
  createdAt: timestamp.nullable(),
  firstSeenAt: timestamp,
  /** When the mirror last heard from the cloud about this server (freshness). */
  observedAt: timestamp,
  deletedAt: timestamp.nullable(),
});
export type Server = z.infer<typeof serverSchema>;

export const serverDetailSchema = serverSchema.extend({
  /** The latest tasks on this server, newest first. */
  recentTasks: z.array(taskSchema),
});
export type ServerDetail = z.infer<typeof serverDetailSchema>;

export const serverSorts = [
  'name',
  '-name',
  'status',
  '-status',
  'createdAt',
  '-createdAt',
] as const;

export const serverListQuery = listQuery.extend({
  status: serverStatusSchema.optional(),
  datacenterId: idSchema.optional(),
  sort: z.enum(serverSorts).default('-createdAt'),
  /** Also list servers deleted in the cloud (kept in the mirror with deletedAt). */
  includeDeleted: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ServerListQuery = z.output<typeof serverListQuery>;

/** The Idempotency-Key header, or this body field: a retried request returns the same task. */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, { message: 'letters, digits and . _ : -' });

const externalRef = cloudRefSchema;

export const createServerInput = z.object({
  datacenterId: idSchema,
  name: nameSchema.regex(/^[A-Za-z0-9\p{L}][\p{L}A-Za-z0-9._-]*$/u, {
    message: 'letters, digits, dot, dash, underscore; starts with a letter or digit',
  }),
  /** The cloud's flavor id (from the datacenter's flavor list). */
  flavorId: externalRef,
  imageId: externalRef,
  networkIds: z.array(externalRef).min(1).max(8),
  securityGroups: z.array(externalRef).max(16).optional(),
  keyName: externalRef.optional(),
  /** Plain-text cloud-init; kept encrypted with the task, never shown back. */
  userData: z
    .string()
    .max(64 * 1024)
    .optional(),
  availabilityZone: externalRef.optional(),
  serverGroupId: externalRef.optional(),
  /** Boot from a new volume of this size made from the image. */
  bootVolumeGb: z.number().int().min(1).max(16_384).optional(),
  /** 1–20; with more than one the servers are named name-1 … name-n, one task each. */
  count: z.number().int().min(1).max(20).default(1),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type CreateServerInput = z.output<typeof createServerInput>;

export const createServerResponse = z.object({
  /** The first (or only) task. */
  task: taskSchema,
  /** One task per server, in name order. */
  tasks: z.array(taskSchema),
});

export const serverConsoleSchema = z.object({
  /** One-time URL; open it within expiresAt. */
  url: z.string(),
  protocol: z.enum(['vnc', 'spice', 'serial']),
  expiresAt: timestamp,
});
