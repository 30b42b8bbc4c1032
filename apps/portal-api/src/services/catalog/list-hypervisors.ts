import type { HypervisorDto } from '@yunguan/cloud-core';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { computeAdminAccess } from './catalog-access';
import { hostsOf } from '../../cloud/sub-port';

export const listHypervisors = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<{ items: HypervisorDto[] }> => {
  const { provider, datacenter, options } = await computeAdminAccess(ctx, datacenterId);
  return {
    items: await withCloudErrors(datacenter.name, () => hostsOf(provider).listHypervisors(options)),
  };
};
