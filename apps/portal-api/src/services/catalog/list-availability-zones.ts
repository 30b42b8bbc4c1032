import type { AvailabilityZoneDto } from '@yunguan/cloud-core';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { datacenterCatalogAccess } from './catalog-access';
import { cachedCatalog } from './catalog-cache';

export const listAvailabilityZones = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<{ items: AvailabilityZoneDto[] }> => {
  const { provider, datacenter, options } = await datacenterCatalogAccess(ctx, datacenterId);
  const items = await cachedCatalog(ctx.config, { datacenterId, list: 'availability-zones' }, () =>
    withCloudErrors(datacenter.name, () => provider.listAvailabilityZones(options)),
  );
  return { items };
};
