import type { BlockStoragePort } from '@yunguan/cloud-core';
import type { ServiceClients } from '../service-client';
import {
  createBackup,
  deleteBackup,
  listBackups,
  restoreBackup,
} from '../services/block-storage/v3/backups/requests';
import {
  createSnapshot,
  deleteSnapshot,
  listSnapshots,
} from '../services/block-storage/v3/snapshots/requests';
import { requireBackupService } from './storage-backup-service';
import { backupOf, deleteIdempotently, inProject, snapshotOf, volumeOf } from './storage-ownership';
import {
  backupProjectOf,
  snapshotProjectOf,
  toVolumeBackupDto,
  toVolumeSnapshotDto,
} from './to-storage-dto';

type CopyVerbs = Pick<
  BlockStoragePort,
  | 'listVolumeSnapshots'
  | 'getVolumeSnapshot'
  | 'createVolumeSnapshot'
  | 'deleteVolumeSnapshot'
  | 'listVolumeBackups'
  | 'getVolumeBackup'
  | 'createVolumeBackup'
  | 'restoreVolumeBackup'
  | 'deleteVolumeBackup'
>;

const mine = (project: string | null, own: string) => (project ?? own) === own;

/** Snapshots and backups of a project's volumes (Cinder v3). */
export const copyVerbs = ({ blockStorage }: ServiceClients): CopyVerbs => ({
  listVolumeSnapshots: async (scope, options) =>
    (await listSnapshots(blockStorage, inProject(scope, options)))
      .filter((s) => mine(snapshotProjectOf(s), scope.projectExternalId))
      .map((s) => toVolumeSnapshotDto(s, scope.projectExternalId)),

  getVolumeSnapshot: async (scope, id, options) =>
    toVolumeSnapshotDto(
      await snapshotOf(blockStorage, scope, id, options),
      scope.projectExternalId,
    ),

  createVolumeSnapshot: async (scope, input, options) => {
    await volumeOf(blockStorage, scope, input.volumeExternalId, options);
    const created = await createSnapshot(blockStorage, inProject(scope, options), {
      volume_id: input.volumeExternalId,
      name: input.name,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.force === undefined ? {} : { force: input.force }),
    });
    return toVolumeSnapshotDto(created, scope.projectExternalId);
  },

  deleteVolumeSnapshot: (scope, id, options) =>
    deleteIdempotently(
      () => snapshotOf(blockStorage, scope, id, options),
      () => deleteSnapshot(blockStorage, inProject(scope, options), id),
    ),

  listVolumeBackups: async (scope, options) =>
    (await listBackups(blockStorage, inProject(scope, options)))
      .filter((b) => mine(backupProjectOf(b), scope.projectExternalId))
      .map((b) => toVolumeBackupDto(b, scope.projectExternalId)),

  getVolumeBackup: async (scope, id, options) =>
    toVolumeBackupDto(await backupOf(blockStorage, scope, id, options), scope.projectExternalId),

  createVolumeBackup: async (scope, input, options) => {
    await volumeOf(blockStorage, scope, input.volumeExternalId, options);
    await requireBackupService(blockStorage, options);
    const { id } = await createBackup(blockStorage, inProject(scope, options), {
      volume_id: input.volumeExternalId,
      name: input.name,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.incremental === undefined ? {} : { incremental: input.incremental }),
      ...(input.force === undefined ? {} : { force: input.force }),
    });
    return toVolumeBackupDto(
      await backupOf(blockStorage, scope, id, options),
      scope.projectExternalId,
    );
  },

  restoreVolumeBackup: async (scope, id, input, options) => {
    await backupOf(blockStorage, scope, id, options);
    if (input.volumeExternalId !== undefined) {
      await volumeOf(blockStorage, scope, input.volumeExternalId, options);
    }
    const restored = await restoreBackup(blockStorage, inProject(scope, options), id, {
      ...(input.volumeExternalId === undefined ? {} : { volume_id: input.volumeExternalId }),
      ...(input.name === undefined ? {} : { name: input.name }),
    });
    return { volumeExternalId: restored.volumeId };
  },

  deleteVolumeBackup: (scope, id, options) =>
    deleteIdempotently(
      () => backupOf(blockStorage, scope, id, options),
      () => deleteBackup(blockStorage, inProject(scope, options), id),
    ),
});
