import { CloudError, isCloudError, type CallOptions, type Scope } from '@yunguan/cloud-core';
import type { Call, ServiceClient } from '../service-client';
import { getBackup } from '../services/block-storage/v3/backups/requests';
import type { Backup } from '../services/block-storage/v3/backups/results';
import { getSnapshot } from '../services/block-storage/v3/snapshots/requests';
import type { Snapshot } from '../services/block-storage/v3/snapshots/results';
import { getVolume } from '../services/block-storage/v3/volumes/requests';
import type { Volume } from '../services/block-storage/v3/volumes/results';
import { getServer } from '../services/compute/v2/servers/requests';
import { getImage } from '../services/image/v2/images/requests';
import { backupProjectOf, snapshotProjectOf, volumeProjectOf } from './to-storage-dto';

export const inProject = (scope: Scope, options?: CallOptions): Call => ({
  scope: { projectId: scope.projectExternalId },
  options,
});
export const asAdmin = (options?: CallOptions): Call => ({ scope: 'default', options });

export const isNotFound = (error: unknown) => isCloudError(error) && error.kind === 'not-found';

const notInProject = (service: string, what: string, url: string, id: string, scope: Scope) =>
  new CloudError({
    kind: 'not-found',
    provider: 'openstack',
    service,
    method: 'GET',
    url,
    expected: [200],
    actual: 200,
    upstreamMessage: `${what} ${id} could not be found in project ${scope.projectExternalId}.`,
  });

/**
 * The service account's project tokens carry the admin role, so Cinder answers for every
 * project's resources: keep the scope's own. A token not shown the project attribute is not
 * an administrator's, and Cinder itself already kept it to its project.
 */
const owned = (project: string | null, scope: Scope) =>
  project === null || project === scope.projectExternalId;

export const volumeOf = async (
  blockStorage: ServiceClient,
  scope: Scope,
  id: string,
  options?: CallOptions,
): Promise<Volume> => {
  const volume = await getVolume(blockStorage, inProject(scope, options), id);
  if (owned(volumeProjectOf(volume), scope)) return volume;
  throw notInProject('block-storage', 'Volume', `volumes/${id}`, id, scope);
};

export const snapshotOf = async (
  blockStorage: ServiceClient,
  scope: Scope,
  id: string,
  options?: CallOptions,
): Promise<Snapshot> => {
  const snapshot = await getSnapshot(blockStorage, inProject(scope, options), id);
  if (owned(snapshotProjectOf(snapshot), scope)) return snapshot;
  throw notInProject('block-storage', 'Snapshot', `snapshots/${id}`, id, scope);
};

export const backupOf = async (
  blockStorage: ServiceClient,
  scope: Scope,
  id: string,
  options?: CallOptions,
): Promise<Backup> => {
  const backup = await getBackup(blockStorage, inProject(scope, options), id);
  if (owned(backupProjectOf(backup), scope)) return backup;
  throw notInProject('block-storage', 'Backup', `backups/${id}`, id, scope);
};

/** A server the volume may be attached to or detached from: the scope's own, not deleted. */
export const serverOfScope = async (
  compute: ServiceClient,
  scope: Scope,
  id: string,
  options?: CallOptions,
): Promise<void> => {
  const server = await getServer(compute, inProject(scope, options), id);
  if (server.tenant_id !== scope.projectExternalId || server.status === 'DELETED') {
    throw notInProject('compute', 'Server', `servers/${id}`, id, scope);
  }
};

/** An image the project may make a volume from: public or its own. */
export const imageOfScope = async (
  image: ServiceClient,
  scope: Scope,
  id: string,
  options?: CallOptions,
): Promise<void> => {
  const found = await getImage(image, inProject(scope, options), id);
  if (found.visibility === 'public' || found.owner === scope.projectExternalId) return;
  throw notInProject('image', 'Image', `images/${id}`, id, scope);
};

/**
 * Deletes are idempotent: a resource already gone, or already `deleting`, is done. A 404 from
 * the DELETE itself counts as gone only when a read says so too — Cinder without a
 * cinder-backup service answers DELETE /backups/{id} with 404 "Service cinder-backup could not
 * be found." while the backup stays: that one is passed on as `unavailable`, in Cinder's words.
 */
export const deleteIdempotently = async (
  look: () => Promise<Record<string, unknown>>,
  remove: () => Promise<void>,
): Promise<void> => {
  let current: Record<string, unknown>;
  try {
    current = await look();
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  if (current.status === 'deleting') return;
  try {
    await remove();
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await look();
    } catch (again) {
      if (isNotFound(again)) return;
      throw again;
    }
    // Still there: what was missing is not the resource, so the caller must not read "gone".
    throw isCloudError(error)
      ? new CloudError({ ...error, kind: 'unavailable', cause: error })
      : error;
  }
};
