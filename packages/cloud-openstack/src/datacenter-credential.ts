import { z } from 'zod';

/**
 * What the portal keeps (sealed JSON, ADR 0111) for an OpenStack datacenter: its Keystone v3
 * service account. The auth URL is a path: the transport (the datacenter's tunnel) supplies
 * scheme and host.
 */
export const openStackDatacenterCredentialSchema = z.object({
  /** Keystone v3 path on the agent's router, e.g. `/identity/v3`. */
  authPath: z.string().regex(/^\/[A-Za-z0-9._~/-]*$/),
  username: z.string().min(1),
  password: z.string().min(1),
  userDomainName: z.string().min(1),
  projectName: z.string().min(1),
  projectDomainName: z.string().min(1),
  regionName: z.string().min(1).nullable(),
});
export type OpenStackDatacenterCredential = z.infer<typeof openStackDatacenterCredentialSchema>;

/** The part of the credential that may be shown and audited (never the password). */
export const publicOpenStackCredential = ({
  password: _password,
  ...shown
}: OpenStackDatacenterCredential): Omit<OpenStackDatacenterCredential, 'password'> => shown;

/**
 * Where a portal project lives in OpenStack: its department's Keystone domain and its Keystone
 * project (`yg-<departmentId>` / `yg-<projectId>`). What ensureTenant returns; stored as JSON.
 */
export const openStackTenantBindingSchema = z.object({
  domainExternalId: z.string().min(1),
  projectExternalId: z.string().min(1),
});
export type OpenStackTenantBinding = z.infer<typeof openStackTenantBindingSchema>;
