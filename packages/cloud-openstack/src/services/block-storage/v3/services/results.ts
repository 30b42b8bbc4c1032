import { z } from 'zod';

/** One Cinder service (cinder-volume, cinder-scheduler, cinder-backup) on one host. */
export const cinderServiceSchema = z.looseObject({
  binary: z.string(),
  host: z.string(),
  zone: z.string().nullish(),
  status: z.string(),
  state: z.string(),
  updated_at: z.string().nullish(),
});
export type CinderService = z.infer<typeof cinderServiceSchema>;

export const listServicesResult = z.looseObject({ services: z.array(cinderServiceSchema) });
