import { capabilities, isCloudError, type CallOptions, type Capability } from '@yunguan/cloud-core';
import type { ProviderClient } from '../provider-client';

/** Capabilities that exist only when the catalog offers their service. */
const needsService: Partial<Record<Capability, string>> = { baremetal: 'baremetal' };

/** The adapter's capabilities minus those whose service this cloud's catalog lacks. */
export const discoverCapabilities = async (
  provider: ProviderClient,
  options?: CallOptions,
): Promise<ReadonlySet<Capability>> => {
  const token = await provider.token('default', options);
  const found = new Set<Capability>();
  for (const capability of capabilities) {
    const service = needsService[capability];
    if (service === undefined) {
      found.add(capability);
      continue;
    }
    try {
      provider.endpoint(token, service);
      found.add(capability);
    } catch (error) {
      if (!isCloudError(error) || error.kind !== 'unavailable') throw error;
    }
  }
  return found;
};
