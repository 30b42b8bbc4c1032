import type { VolumeType } from '@yunguan/contract';
import { can, hasAnyGrantOf, notFound, platformTarget } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import type { ServiceContext } from '../context';
import { cachedVolumeTypes } from './volume-types-cache';

/**
 * A datacenter's volume types: every one for compute.admin; the public ones for anyone who may
 * read resources somewhere (to pick one when creating a volume). Nobody else learns the
 * datacenter exists (404).
 */
export const listVolumeTypes = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<{ items: VolumeType[] }> => {
  const admin = can(ctx.principal, 'compute.admin', platformTarget);
  if (!admin && !hasAnyGrantOf(ctx.principal, 'resource.read'))
    throw notFound('datacenter', datacenterId);
  const cloud = await providerForDatacenter(ctx, datacenterId);
  const types = await cachedVolumeTypes(ctx, cloud);
  return {
    items: types.filter((t) => admin || t.isPublic).sort((a, b) => a.name.localeCompare(b.name)),
  };
};
