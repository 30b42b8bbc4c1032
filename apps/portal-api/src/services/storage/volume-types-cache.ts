import type { CloudProvider, VolumeTypeDto } from '@yunguan/cloud-core';
import { DomainError } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { inventoryRedisOf } from '../../cloud/inventory-runtime';
import { cachedCatalog } from '../catalog/catalog-cache';
import type { ServiceConfig, ServiceContext } from '../context';
import { blockStorageOf } from '../../cloud/sub-port';

const LIST = 'volume-types';

/** A datacenter's volume types (cached like the catalog lists; admin changes forget them). */
export const cachedVolumeTypes = (
  ctx: ServiceContext,
  cloud: { provider: CloudProvider; datacenter: { id: string; name: string } },
): Promise<VolumeTypeDto[]> =>
  cachedCatalog(ctx.config, { datacenterId: cloud.datacenter.id, list: LIST }, () =>
    withCloudErrors(cloud.datacenter.name, () =>
      blockStorageOf(cloud.provider).listVolumeTypes({ requestId: ctx.requestId }),
    ),
  );

export const forgetVolumeTypes = async (config: ServiceConfig, datacenterId: string) => {
  const { redis, keyPrefix } = inventoryRedisOf(config);
  await redis.del(`${keyPrefix}catalog:${datacenterId}:${LIST}`);
};

/** A public volume type by name or id, or 404 volume_type_unknown naming the field. */
export const resolveVolumeType = async (
  ctx: ServiceContext,
  cloud: { provider: CloudProvider; datacenter: { id: string; name: string } },
  wanted: string,
): Promise<VolumeTypeDto> => {
  const types = await cachedVolumeTypes(ctx, cloud);
  const found = types.find((t) => t.isPublic && (t.name === wanted || t.externalId === wanted));
  if (!found)
    throw new DomainError('NOT_FOUND', `volume type ${wanted}`, {
      reason: 'volume_type_unknown',
      params: { volumeType: wanted, datacenter: cloud.datacenter.name },
      issues: [{ path: 'body.volumeType', message: 'volume_type_unknown' }],
    });
  return found;
};
