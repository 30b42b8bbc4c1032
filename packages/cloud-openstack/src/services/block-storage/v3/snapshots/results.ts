import { z } from 'zod';

/** A Cinder v3 snapshot; the project attribute is shown to the owner and administrators. */
export const snapshotSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  status: z.string(),
  size: z.number(),
  volume_id: z.string(),
  metadata: z.record(z.string(), z.string()).nullish(),
  'os-extended-snapshot-attributes:project_id': z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const getSnapshotResult = z.looseObject({ snapshot: snapshotSchema });
