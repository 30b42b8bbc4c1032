import { z } from 'zod';

/** The credential fields of an OpenStack datacenter (the transport is not a credential). */
export const openStackCredentialsSchema = z.object({
  /** Keystone v3 root, e.g. `http://host/identity/v3`. */
  authUrl: z.url(),
  username: z.string().min(1),
  password: z.string().min(1),
  userDomainName: z.string().min(1),
  projectName: z.string().min(1),
  projectDomainName: z.string().min(1),
  regionName: z.string().min(1).optional(),
});
export type OpenStackCredentials = z.infer<typeof openStackCredentialsSchema>;
