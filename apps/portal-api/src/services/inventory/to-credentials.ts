import type { DatacenterCredentials } from '@yunguan/contract';
import type { DatacenterCredentialRow } from '../../repositories/datacenter-credential-repository';

/**
 * The stored settings as the API shows them: the adapter's shown part of the credential (never
 * the password) and the row's times. Fields a kind has not are null.
 */
export const toCredentials = (
  row: DatacenterCredentialRow | null,
  shown: Record<string, unknown> | null,
): DatacenterCredentials => {
  const text = (key: string): string | null => {
    const value = shown?.[key];
    return typeof value === 'string' ? value : null;
  };
  return {
    configured: row !== null,
    authPath: text('authPath'),
    username: text('username'),
    userDomainName: text('userDomainName'),
    projectName: text('projectName'),
    projectDomainName: text('projectDomainName'),
    regionName: text('regionName'),
    verifiedAt: row?.verifiedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
};
