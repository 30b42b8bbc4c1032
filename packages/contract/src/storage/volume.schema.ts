import { z } from 'zod';
import { descriptionSchema, idSchema } from '../common';
import {
  externalRef,
  resourceItemSchema,
  resourceName,
  withIdempotencyKey,
} from '../resources/resource.schema';
import { taskSchema } from '../tasks/task.schema';

/** Largest volume the portal asks for (Cinder's own limit is the cloud's business). */
export const maxVolumeGb = 16_384;
export const volumeSizeGb = z.number().int().min(1).max(maxVolumeGb);

export const volumeAttachmentSchema = z.object({
  serverExternalId: z.string(),
  /** The portal's server id (mirror), or null when the portal does not know the server. */
  serverId: z.string().nullable(),
  serverName: z.string().nullable(),
  /** e.g. /dev/vdb; null while the cloud has not said. */
  device: z.string().nullable(),
});
export type VolumeAttachment = z.infer<typeof volumeAttachmentSchema>;

/** A volume's own fields (the item's `spec`). Status words are Cinder's: available, in-use, … */
export const volumeSpecSchema = z.object({
  description: z.string(),
  sizeGb: z.number().int(),
  volumeType: z.string().nullable(),
  availabilityZone: z.string().nullable(),
  bootable: z.boolean(),
  encrypted: z.boolean(),
  attachments: z.array(volumeAttachmentSchema),
  /** External (cloud) ids of what it was made from; null when not. */
  sourceImageExternalId: z.string().nullable(),
  sourceSnapshotExternalId: z.string().nullable(),
  sourceVolumeExternalId: z.string().nullable(),
  /** When the cloud created it. */
  createdAt: z.string().nullable(),
});
export type VolumeSpec = z.infer<typeof volumeSpecSchema>;

export const volumeSchema = resourceItemSchema(volumeSpecSchema);
export type Volume = z.infer<typeof volumeSchema>;

export const volumeDetailSchema = volumeSchema.extend({
  /** The latest tasks on this volume, newest first. */
  recentTasks: z.array(taskSchema),
});
export type VolumeDetail = z.infer<typeof volumeDetailSchema>;

export const volumeSourceInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('empty') }),
  /** imageId: the cloud's image id, one the project can use (catalog images list). */
  z.object({ type: z.literal('image'), imageId: externalRef }),
  /** snapshotId: the portal id of a snapshot of THIS project (volume-snapshots list). */
  z.object({ type: z.literal('snapshot'), snapshotId: idSchema }),
]);

/** POST /api/v1/projects/:projectId/volumes */
export const createVolumeInput = z.object({
  datacenterId: idSchema,
  name: resourceName,
  description: descriptionSchema.optional(),
  sizeGb: volumeSizeGb,
  /** A volume type name (GET /api/v1/datacenters/:id/volume-types); the cloud's default if absent. */
  volumeType: externalRef.optional(),
  availabilityZone: externalRef.optional(),
  source: volumeSourceInput.default({ type: 'empty' }),
  ...withIdempotencyKey,
});
export type CreateVolumeInput = z.output<typeof createVolumeInput>;

/** POST /api/v1/volumes/:id/actions — one of these; serverId is the portal's server id. */
export const volumeActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('extend'), newSizeGb: volumeSizeGb, ...withIdempotencyKey }),
  z.object({ action: z.literal('attach'), serverId: idSchema, ...withIdempotencyKey }),
  z.object({ action: z.literal('detach'), serverId: idSchema, ...withIdempotencyKey }),
]);
export type VolumeActionInput = z.output<typeof volumeActionInput>;
export type VolumeActionName = VolumeActionInput['action'];

/**
 * The Cinder statuses in which an action is accepted (the API refuses others with 409
 * volume_wrong_state). Snapshot and backup of an in-use volume need `force`.
 */
export const volumeActionStates: Record<
  VolumeActionName | 'delete' | 'snapshot' | 'backup',
  readonly string[]
> = {
  extend: ['available'],
  attach: ['available'],
  detach: ['in-use'],
  delete: ['available', 'error', 'error_restoring', 'error_extending', 'error_managing'],
  snapshot: ['available', 'in-use'],
  backup: ['available', 'in-use'],
};

/** Every action the volume's status allows (the UI enables these). Pure; web uses it too. */
export const volumeActionsAllowed = (status: string): (keyof typeof volumeActionStates)[] =>
  (Object.keys(volumeActionStates) as (keyof typeof volumeActionStates)[]).filter((a) =>
    volumeActionStates[a].includes(status),
  );
