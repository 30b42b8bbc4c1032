import { z } from 'zod';

export const imageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  status: z.string(),
  disk_format: z.string().nullish(),
  container_format: z.string().nullish(),
  size: z.number().nullish(),
  visibility: z.string(),
  protected: z.boolean().nullish(),
  min_disk: z.number().nullish(),
  min_ram: z.number().nullish(),
  owner: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  checksum: z.string().nullish(),
  os_hash_algo: z.string().nullish(),
  os_hash_value: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Image = z.infer<typeof imageSchema>;
