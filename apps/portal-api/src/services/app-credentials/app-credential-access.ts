import { openStackDatacenterCredentialSchema } from '@yunguan/cloud-openstack';
import { notFound } from '@yunguan/domain';
import { readCredential } from '../../cloud/credential-store';
import { findCloudAccessRow } from '../../repositories/datacenter-credential-repository';
import { projectCatalogAccess } from '../catalog/catalog-access';
import type { ServiceContext } from '../context';

/**
 * A member's own application credentials in a project: resource.use there (404 outside reach),
 * the project's tenant bound, and the owner is always the caller — nobody acts for another user.
 */
export const appCredentialAccess = async (
  ctx: ServiceContext,
  datacenterId: string,
  projectId: string,
) => {
  const access = await projectCatalogAccess(ctx, datacenterId, projectId, 'resource.use');
  const row = await findCloudAccessRow(ctx.db, datacenterId);
  if (!row?.credential) throw notFound('datacenter', datacenterId);
  // Application credentials are Keystone's: the datacenter's OpenStack account says where.
  const { credential } = await readCredential(ctx, row.credential, row.name);
  const { authPath, regionName } = openStackDatacenterCredentialSchema.parse(credential);
  return {
    ...access,
    owner: { userId: ctx.principal.userId, username: ctx.principal.username },
    authPath,
    regionName,
  };
};
