import { DomainError } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import type { RequestContext } from '../context';
import { cachedCatalog } from './catalog-cache';

/**
 * What a datacenter's cloud can do, sorted: the provider's `capabilities` narrowed by what the
 * cloud offers (`discoverCapabilities`, one authenticated look, cached like the catalog lists).
 * A datacenter whose tunnel is offline, or whose look fails, shows the provider's static set
 * (not cached: the next read looks again); one without a provider (other kinds, no agent yet)
 * has none.
 */
export const readDatacenterCapabilities = async (
  ctx: Pick<RequestContext, 'db' | 'config' | 'now' | 'requestId'>,
  datacenterId: string,
  tunnel: 'online' | 'degraded' | 'offline',
): Promise<string[]> => {
  const provider = await (async () => {
    try {
      return (await providerForDatacenter(ctx, datacenterId)).provider;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'PRECONDITION_FAILED') return null;
      throw error;
    }
  })();
  if (!provider) return [];
  const fallback = [...provider.capabilities].sort();
  if (tunnel === 'offline') return fallback;
  try {
    return await cachedCatalog(ctx.config, { datacenterId, list: 'capabilities' }, async () =>
      [...(await provider.discoverCapabilities({ requestId: ctx.requestId }))].sort(),
    );
  } catch {
    // The list of datacenters must not fail because one cloud did not answer this once.
    return fallback;
  }
};
