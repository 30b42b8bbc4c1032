import { CloudError, type CallOptions } from '@yunguan/cloud-core';
import type { ServiceClient } from '../service-client';
import { listCinderServices } from '../services/block-storage/v3/services/requests';
import { asAdmin } from './storage-ownership';

/** Whether an enabled cinder-backup service is up (admin: GET /os-services?binary=…). */
export const hasBackupService = async (
  blockStorage: ServiceClient,
  options?: CallOptions,
): Promise<boolean> =>
  (await listCinderServices(blockStorage, asAdmin(options), { binary: 'cinder-backup' })).some(
    (s) => s.binary === 'cinder-backup' && s.state === 'up' && s.status === 'enabled',
  );

/**
 * Refuse a backup up front when no cinder-backup runs. Cinder itself accepts it (202), the
 * backup lands in `error` ("Service not found for creating backup.") and can then not even be
 * deleted (404 "Service cinder-backup could not be found.", 500 with force) — seen on Zed.
 */
export const requireBackupService = async (
  blockStorage: ServiceClient,
  options?: CallOptions,
): Promise<void> => {
  if (await hasBackupService(blockStorage, options)) return;
  throw new CloudError({
    kind: 'unavailable',
    provider: 'openstack',
    service: 'block-storage',
    method: 'GET',
    url: 'os-services?binary=cinder-backup',
    expected: [200],
    actual: 200,
    upstreamMessage:
      'No cinder-backup service is up in this cloud: volume backups are not offered.',
  });
};
