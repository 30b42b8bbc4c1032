import type { DatacenterCredentials } from '@yunguan/contract';
import type { DatacenterCredentialRow } from '../../repositories/datacenter-credential-repository';

/** The stored settings as the API shows them: never the password. */
export const toCredentials = (row: DatacenterCredentialRow | null): DatacenterCredentials => ({
  configured: row !== null,
  authPath: row?.authPath ?? null,
  username: row?.username ?? null,
  userDomainName: row?.userDomainName ?? null,
  projectName: row?.projectName ?? null,
  projectDomainName: row?.projectDomainName ?? null,
  regionName: row?.regionName ?? null,
  verifiedAt: row?.verifiedAt?.toISOString() ?? null,
  updatedAt: row?.updatedAt.toISOString() ?? null,
});
