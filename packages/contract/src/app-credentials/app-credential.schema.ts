import { z } from 'zod';
import { idSchema, nameSchema, timestamp } from '../common';

export const appCredentialSchema = z.object({
  id: z.string(),
  name: z.string(),
  datacenterId: z.string(),
  projectId: z.string(),
  expiresAt: z.string().nullable(),
});
export type AppCredential = z.infer<typeof appCredentialSchema>;

export const appCredentialProjectParams = z.object({ projectId: idSchema });
export const appCredentialParams = z.object({ projectId: idSchema, credentialId: idSchema });
export const appCredentialQuery = z.object({ datacenterId: idSchema });

export const createAppCredentialInput = z
  .object({
    datacenterId: idSchema,
    name: nameSchema.regex(/^[A-Za-z0-9._-]+$/, { message: 'letters, digits, . _ - only' }),
    expiresAt: timestamp.optional(),
  })
  .strict();

/** The secret is in this answer only; the portal never stores it. */
export const createdAppCredentialSchema = appCredentialSchema.extend({
  clouds_yaml: z.string(),
  openrc: z.string(),
  /** The Keystone URL written into the files, and whether the operator configured it. */
  authUrl: z.string(),
  authUrlConfigured: z.boolean(),
});
export type CreatedAppCredential = z.infer<typeof createdAppCredentialSchema>;
