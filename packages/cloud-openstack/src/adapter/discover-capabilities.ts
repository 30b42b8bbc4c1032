import { capabilities, isCloudError, type CallOptions, type Capability } from '@yunguan/cloud-core';
import type { ProviderClient } from '../provider-client';
import { blockStorageService, networkService } from '../service-client';
import { listExtensions } from '../services/network/v2/extensions/requests';
import { hasBackupService } from './storage-backup-service';

/** Capabilities that exist only when the catalog offers their service. */
const needsService: Partial<Record<Capability, string>> = {
  baremetal: 'baremetal',
  'load-balancer': 'load-balancer',
  'volume.manage': 'block-storage',
  'volume.from-image': 'block-storage',
  'volume.snapshot': 'block-storage',
  'volume.backup': 'block-storage',
  'volume.type.manage': 'block-storage',
  'storage.pool.read': 'block-storage',
};

/** Capabilities that exist only when Neutron has loaded an API extension. */
const needsNetworkExtension: Partial<Record<Capability, string>> = {
  firewall: 'fwaas_v2',
  'floating-ip.port-forwarding': 'floating-ip-port-forwarding',
  'network.provider': 'provider',
};

/** The adapter's capabilities minus those whose service this cloud's catalog lacks. */
export const discoverCapabilities = async (
  provider: ProviderClient,
  options?: CallOptions,
): Promise<ReadonlySet<Capability>> => {
  const token = await provider.token('default', options);
  const found = new Set<Capability>();
  const networkExtensions = new Set(
    (await listExtensions(networkService(provider), { scope: 'default', options })).map(
      (e) => e.alias,
    ),
  );
  for (const capability of capabilities) {
    const extension = needsNetworkExtension[capability];
    if (extension !== undefined && !networkExtensions.has(extension)) continue;
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
  // Cinder lists the `backups` extension even with no cinder-backup running: ask its services.
  if (
    found.has('volume.backup') &&
    !(await hasBackupService(blockStorageService(provider), options))
  )
    found.delete('volume.backup');
  return found;
};
