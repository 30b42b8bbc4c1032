import type { BaremetalNodeDto } from '@yunguan/cloud-core';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { baremetalAccess } from './baremetal-access';
import { baremetalOf } from '../../cloud/sub-port';

/** The datacenter's nodes, read live from Ironic (admin; not mirrored yet). */
export const listBaremetalNodes = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<{ items: BaremetalNodeDto[] }> => {
  const { provider, datacenter, options } = await baremetalAccess(ctx, datacenterId);
  return {
    items: await withCloudErrors(datacenter.name, () =>
      baremetalOf(provider).listBaremetalNodes(options),
    ),
  };
};
