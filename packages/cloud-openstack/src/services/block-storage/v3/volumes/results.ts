import { z } from 'zod';

/** Cinder lists attachments per server; `attachment_id` is the attachment record's id. */
const attachmentSchema = z.looseObject({
  server_id: z.string(),
  attachment_id: z.string().nullish(),
  device: z.string().nullish(),
  host_name: z.string().nullish(),
  attached_at: z.string().nullish(),
});

/**
 * A Cinder v3 volume. `bootable` is the string "true"/"false" on the wire; the tenant attribute
 * is shown to the owner and to administrators; `volume_image_metadata` only once an image was
 * (or was being) copied in — real Zed leaves `{ signature_verified }` alone when that failed.
 */
export const volumeSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  status: z.string(),
  size: z.number(),
  volume_type: z.string().nullish(),
  availability_zone: z.string().nullish(),
  bootable: z.union([z.string(), z.boolean()]).nullish(),
  encrypted: z.boolean().nullish(),
  snapshot_id: z.string().nullish(),
  source_volid: z.string().nullish(),
  backup_id: z.string().nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  volume_image_metadata: z.record(z.string(), z.unknown()).nullish(),
  'os-vol-tenant-attr:tenant_id': z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
});
export type Volume = z.infer<typeof volumeSchema>;

export const getVolumeResult = z.looseObject({ volume: volumeSchema });
