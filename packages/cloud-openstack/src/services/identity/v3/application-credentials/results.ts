import { z } from 'zod';

export const appCredentialSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  project_id: z.string(),
  expires_at: z.string().nullish(),
  unrestricted: z.boolean().nullish(),
  /** Only in the answer to a create. */
  secret: z.string().optional(),
});
export type AppCredential = z.infer<typeof appCredentialSchema>;

export const getAppCredentialResult = z.looseObject({
  application_credential: appCredentialSchema,
});
