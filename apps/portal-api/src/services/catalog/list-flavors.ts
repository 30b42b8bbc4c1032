import type { FlavorDto } from '@yunguan/cloud-core';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { datacenterCatalogAccess } from './catalog-access';
import { cachedCatalog } from './catalog-cache';

export const listFlavors = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<{ items: FlavorDto[] }> => {
  const { provider, datacenter, options } = await datacenterCatalogAccess(ctx, datacenterId);
  const items = await cachedCatalog(ctx.config, { datacenterId, list: 'flavors' }, () =>
    withCloudErrors(datacenter.name, () => provider.listFlavors(options)),
  );
  return { items };
};
