import type { AggregateDto } from '@yunguan/cloud-core';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { computeAdminAccess } from './catalog-access';
import { hostsOf } from '../../cloud/sub-port';

export const listAggregates = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<{ items: AggregateDto[] }> => {
  const { provider, datacenter, options } = await computeAdminAccess(ctx, datacenterId);
  return {
    items: await withCloudErrors(datacenter.name, () => hostsOf(provider).listAggregates(options)),
  };
};
