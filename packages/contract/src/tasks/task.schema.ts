import { z } from 'zod';
import { idSchema, listQuery, timestamp } from '../common';
import { resourceKinds, resourceTaskActions } from '../resources/resource-kinds';
import { stepMessageSchema } from './step-messages';

/**
 * (held →) queued → running → succeeded | failed | cancelled (ARCHITECTURE §3 Task). A held task
 * awaits approval: it keeps its quota and frozen input, and is released (queued) or cancelled.
 */
export const taskStatuses = [
  'held',
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export const taskStatusSchema = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** A task is finished once it reaches one of these. */
export const finishedTaskStatuses: readonly TaskStatus[] = ['succeeded', 'failed', 'cancelled'];

/** The server verbs a task can carry; the action is `server.<verb>` (also the audit action). */
export const serverVerbs = [
  'create',
  'delete',
  'start',
  'stop',
  'reboot',
  'resize',
  'confirm-resize',
  'revert-resize',
  'rebuild',
  'snapshot',
  'lock',
  'unlock',
  'suspend',
  'resume',
  'pause',
  'unpause',
  'migrate',
  'live-migrate',
] as const;
export type ServerVerb = (typeof serverVerbs)[number];
/** Image verbs: run inside the API request that carries them (ADR 0108), recorded as tasks. */
export const imageVerbs = ['upload', 'update', 'delete'] as const;
export const taskActions = [
  ...serverVerbs.map((v) => `server.${v}` as const),
  ...imageVerbs.map((v) => `image.${v}` as const),
  ...resourceTaskActions,
];
export const taskActionSchema = z.enum(taskActions);
export type TaskAction = z.infer<typeof taskActionSchema>;

export const taskStepStatusSchema = z.enum(['pending', 'running', 'succeeded', 'failed']);

/** One progress step: `submit` (the cloud accepted), `wait` (until it settles), `record`. */
export const taskStepSchema = z.object({
  key: z.string(),
  status: taskStepStatusSchema,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  /** Short words for people, e.g. "BUILD (spawning)" or the cloud's fault message (English). */
  detail: z.string().nullable(),
  /** The same as a message key with parameters, for the reader's language (absent on old rows). */
  message: stepMessageSchema.optional(),
});
export type TaskStep = z.infer<typeof taskStepSchema>;

export const taskErrorSchema = z.object({
  /** Message catalog key (packages/contract/src/messages.ts), e.g. `cloud_operation_failed`. */
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Rendered in the reader's language. */
  message: z.string(),
});

export const taskSchema = z.object({
  id: z.string(),
  action: taskActionSchema,
  status: taskStatusSchema,
  actorId: z.string().nullable(),
  actorName: z.string(),
  departmentId: z.string(),
  projectId: z.string(),
  datacenterId: z.string(),
  targetType: z.enum(['server', 'image', ...resourceKinds]),
  /** The cloud's id of the target; null until a create is accepted. */
  targetExternalId: z.string().nullable(),
  /** The mirror row (GET /api/v1/servers/:id) once known. */
  resourceId: z.string().nullable(),
  /** Server name for creates, the server's name at the time for actions. */
  targetName: z.string(),
  /** What was asked for (never secrets: user data is kept encrypted and shown as a flag). */
  input: z.record(z.string(), z.unknown()),
  steps: z.array(taskStepSchema),
  error: taskErrorSchema.nullable(),
  attempts: z.number().int(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  heartbeatAt: timestamp.nullable(),
  updatedAt: timestamp,
});
export type Task = z.infer<typeof taskSchema>;

export const taskListQuery = listQuery.extend({
  projectId: idSchema.optional(),
  status: taskStatusSchema.optional(),
  /** Tasks of one server (its mirror id). */
  resourceId: idSchema.optional(),
  action: taskActionSchema.optional(),
  /** Tasks on one kind of object (server, image, volume, network …). */
  targetType: z.enum(['server', 'image', ...resourceKinds]).optional(),
  /** Created at or after / before (ISO timestamps). */
  createdFrom: timestamp.optional(),
  createdTo: timestamp.optional(),
});
export type TaskListQuery = z.output<typeof taskListQuery>;
