import { z } from 'zod';
import { descriptionSchema, idSchema } from '../common';
import { resourceItemSchema, resourceName, withIdempotencyKey } from '../resources/resource.schema';
import { taskSchema } from '../tasks/task.schema';

/** A backup's own fields (the item's `spec`). Status: creating, available, restoring, error … */
export const volumeBackupSpecSchema = z.object({
  description: z.string(),
  sizeGb: z.number().int(),
  volumeExternalId: z.string(),
  /** The portal id of the source volume, or null when the portal does not know it (any more). */
  volumeId: z.string().nullable(),
  volumeName: z.string().nullable(),
  incremental: z.boolean(),
  /** The cloud's words when status is error. */
  failReason: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type VolumeBackupSpec = z.infer<typeof volumeBackupSpecSchema>;

export const volumeBackupSchema = resourceItemSchema(volumeBackupSpecSchema);
export type VolumeBackup = z.infer<typeof volumeBackupSchema>;

export const volumeBackupDetailSchema = volumeBackupSchema.extend({
  recentTasks: z.array(taskSchema),
});
export type VolumeBackupDetail = z.infer<typeof volumeBackupDetailSchema>;

/** POST /api/v1/projects/:projectId/volume-backups; volumeId: a volume of this project. */
export const createVolumeBackupInput = z.object({
  volumeId: idSchema,
  name: resourceName,
  description: descriptionSchema.optional(),
  /** Only the changes since the last full backup of the volume. */
  incremental: z.boolean().default(false),
  /** Back up an in-use (attached) volume. */
  force: z.boolean().default(false),
  ...withIdempotencyKey,
});
export type CreateVolumeBackupInput = z.output<typeof createVolumeBackupInput>;

/**
 * POST /api/v1/volume-backups/:id/actions. restore: into the project's volume `volumeId`
 * (available, at least the backup's size; its data is overwritten), or into a new volume
 * (named `name`) when volumeId is absent — that needs volume quota.
 */
export const volumeBackupActionInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('restore'),
    volumeId: idSchema.optional(),
    name: resourceName.optional(),
    ...withIdempotencyKey,
  }),
]);
export type VolumeBackupActionInput = z.output<typeof volumeBackupActionInput>;
