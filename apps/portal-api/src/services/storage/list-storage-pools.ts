import type { StoragePool } from '@yunguan/contract';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { storageAdminAccess } from './volume-type-access';
import { blockStorageOf } from '../../cloud/sub-port';

/** The datacenter's storage backend pools with capacity (compute.admin). */
export const listStoragePools = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<{ items: StoragePool[] }> => {
  const { provider, datacenter, options } = await storageAdminAccess(
    ctx,
    datacenterId,
    'storage.pool.read',
    'storage pools',
  );
  const pools = await withCloudErrors(datacenter.name, () =>
    blockStorageOf(provider).listStoragePools(options),
  );
  return { items: pools.sort((a, b) => a.name.localeCompare(b.name)) };
};
