import { DomainError } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { computeAdminAccess, type CatalogAccess } from '../catalog/catalog-access';
import type { ServiceContext } from '../context';

/**
 * Bare metal is platform compute administration (compute.admin) in a datacenter whose catalog
 * has Ironic; otherwise PRECONDITION_FAILED `baremetal_unavailable` (the console hides the page).
 */
export const baremetalAccess = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<CatalogAccess> => {
  const access = await computeAdminAccess(ctx, datacenterId);
  const found = await withCloudErrors(access.datacenter.name, () =>
    access.provider.discoverCapabilities(access.options),
  );
  if (!found.has('baremetal'))
    throw new DomainError('PRECONDITION_FAILED', 'no Ironic in the catalog', {
      reason: 'baremetal_unavailable',
      params: { datacenter: access.datacenter.name },
    });
  return access;
};
