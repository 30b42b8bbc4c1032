import type { CallOptions } from './call-options';
import type { Scope } from './dto';
import type {
  CreateVolumeSpec,
  CreateVolumeTypeSpec,
  StoragePoolDto,
  VolumeBackupDto,
  VolumeDto,
  VolumeSnapshotDto,
  VolumeTypeDto,
} from './storage-dto';

/**
 * Block storage, an optional sub-port (capabilities `volume.*`, `storage.*`). Every mutating
 * call returns as soon as the cloud accepted it; the resource's own status then moves
 * (`creating` → `available`) and the portal's task looks at it with the matching get* call (or
 * follows an OperationHandle of resource type `volume`, `volume-snapshot`, `volume-backup`)
 * until it settles. Gets of a
 * resource outside the scope's project throw a `not-found` CloudError. Deletes are idempotent.
 */
export interface BlockStoragePort {
  listVolumes(scope: Scope, options?: CallOptions): Promise<VolumeDto[]>;
  getVolume(scope: Scope, externalId: string, options?: CallOptions): Promise<VolumeDto>;
  createVolume(scope: Scope, spec: CreateVolumeSpec, options?: CallOptions): Promise<VolumeDto>;
  extendVolume(
    scope: Scope,
    externalId: string,
    newSizeGb: number,
    options?: CallOptions,
  ): Promise<void>;
  /** Through the compute API (Nova os-volume_attachments), as Horizon does. */
  attachVolume(
    scope: Scope,
    externalId: string,
    serverExternalId: string,
    options?: CallOptions,
  ): Promise<void>;
  detachVolume(
    scope: Scope,
    externalId: string,
    serverExternalId: string,
    options?: CallOptions,
  ): Promise<void>;
  deleteVolume(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;
  /** Inventory: every volume in the cloud (all projects). */
  listAllVolumes(options?: CallOptions): Promise<VolumeDto[]>;

  listVolumeSnapshots(scope: Scope, options?: CallOptions): Promise<VolumeSnapshotDto[]>;
  getVolumeSnapshot(
    scope: Scope,
    externalId: string,
    options?: CallOptions,
  ): Promise<VolumeSnapshotDto>;
  createVolumeSnapshot(
    scope: Scope,
    input: { volumeExternalId: string; name: string; description?: string; force?: boolean },
    options?: CallOptions,
  ): Promise<VolumeSnapshotDto>;
  deleteVolumeSnapshot(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;

  listVolumeBackups(scope: Scope, options?: CallOptions): Promise<VolumeBackupDto[]>;
  getVolumeBackup(
    scope: Scope,
    externalId: string,
    options?: CallOptions,
  ): Promise<VolumeBackupDto>;
  createVolumeBackup(
    scope: Scope,
    input: {
      volumeExternalId: string;
      name: string;
      description?: string;
      incremental?: boolean;
      force?: boolean;
    },
    options?: CallOptions,
  ): Promise<VolumeBackupDto>;
  /** Restore into an existing volume, or into a new one when volumeExternalId is absent. */
  restoreVolumeBackup(
    scope: Scope,
    externalId: string,
    input: { volumeExternalId?: string; name?: string },
    options?: CallOptions,
  ): Promise<{ volumeExternalId: string }>;
  deleteVolumeBackup(scope: Scope, externalId: string, options?: CallOptions): Promise<void>;

  /** Volume types (admin, capability `volume.type.manage`). */
  listVolumeTypes(options?: CallOptions): Promise<VolumeTypeDto[]>;
  createVolumeType(spec: CreateVolumeTypeSpec, options?: CallOptions): Promise<VolumeTypeDto>;
  /** Sets (and, with null values, unsets) extra specs. */
  updateVolumeTypeExtraSpecs(
    externalId: string,
    extraSpecs: Record<string, string | null>,
    options?: CallOptions,
  ): Promise<VolumeTypeDto>;
  deleteVolumeType(externalId: string, options?: CallOptions): Promise<void>;

  /** Storage pools with capacity (admin, capability `storage.pool.read`). */
  listStoragePools(options?: CallOptions): Promise<StoragePoolDto[]>;
}
