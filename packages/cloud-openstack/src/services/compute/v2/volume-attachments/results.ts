import { z } from 'zod';

/** Nova's view of one attachment at 2.79 (`tag`, `delete_on_termination` shown). */
export const volumeAttachmentSchema = z.looseObject({
  id: z.string().nullish(),
  serverId: z.string(),
  volumeId: z.string(),
  device: z.string().nullish(),
  tag: z.string().nullish(),
  delete_on_termination: z.boolean().nullish(),
});
export type VolumeAttachment = z.infer<typeof volumeAttachmentSchema>;

export const getVolumeAttachmentResult = z.looseObject({
  volumeAttachment: volumeAttachmentSchema,
});
