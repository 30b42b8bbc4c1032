import { z } from 'zod';
import { descriptionSchema, idSchema } from '../common';
import { resourceItemSchema, resourceName, withIdempotencyKey } from '../resources/resource.schema';
import { taskSchema } from '../tasks/task.schema';

/** A snapshot's own fields (the item's `spec`). Status: creating, available, deleting, error … */
export const volumeSnapshotSpecSchema = z.object({
  description: z.string(),
  sizeGb: z.number().int(),
  volumeExternalId: z.string(),
  /** The portal id of the source volume, or null when the portal does not know it. */
  volumeId: z.string().nullable(),
  volumeName: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type VolumeSnapshotSpec = z.infer<typeof volumeSnapshotSpecSchema>;

export const volumeSnapshotSchema = resourceItemSchema(volumeSnapshotSpecSchema);
export type VolumeSnapshot = z.infer<typeof volumeSnapshotSchema>;

export const volumeSnapshotDetailSchema = volumeSnapshotSchema.extend({
  recentTasks: z.array(taskSchema),
});
export type VolumeSnapshotDetail = z.infer<typeof volumeSnapshotDetailSchema>;

/** POST /api/v1/projects/:projectId/volume-snapshots; volumeId: a volume of this project. */
export const createVolumeSnapshotInput = z.object({
  volumeId: idSchema,
  name: resourceName,
  description: descriptionSchema.optional(),
  /** Snapshot an in-use (attached) volume; the data may be crash-consistent only. */
  force: z.boolean().default(false),
  ...withIdempotencyKey,
});
export type CreateVolumeSnapshotInput = z.output<typeof createVolumeSnapshotInput>;
