import type {
  StoragePoolDto,
  VolumeBackupDto,
  VolumeDto,
  VolumeSnapshotDto,
  VolumeTypeDto,
} from '@yunguan/cloud-core';
import type { Backup } from '../services/block-storage/v3/backups/results';
import type { Pool } from '../services/block-storage/v3/pools/results';
import type { Snapshot } from '../services/block-storage/v3/snapshots/results';
import type { VolumeType } from '../services/block-storage/v3/types/results';
import type { Volume } from '../services/block-storage/v3/volumes/results';

/** The project a volume belongs to; Cinder shows it to owners and admins (we act as both). */
export const volumeProjectOf = (v: Volume): string | null =>
  v['os-vol-tenant-attr:tenant_id'] ?? null;
export const snapshotProjectOf = (s: Snapshot): string | null =>
  s['os-extended-snapshot-attributes:project_id'] ?? null;
export const backupProjectOf = (b: Backup): string | null =>
  b['os-backup-project-attr:project_id'] ?? null;

const imageIdOf = (v: Volume): string | null => {
  const id = v.volume_image_metadata?.image_id;
  return typeof id === 'string' && id !== '' ? id : null;
};

/** `fallbackProject`: the scope asked about, for a token that was not shown the attribute. */
export const toVolumeDto = (v: Volume, fallbackProject = ''): VolumeDto => ({
  externalId: v.id,
  name: v.name ?? '',
  description: v.description ?? '',
  status: v.status,
  sizeGb: v.size,
  volumeType: v.volume_type ?? null,
  availabilityZone: v.availability_zone ?? null,
  bootable: v.bootable === true || v.bootable === 'true',
  encrypted: v.encrypted ?? false,
  sourceImageExternalId: imageIdOf(v),
  sourceSnapshotExternalId: v.snapshot_id ?? null,
  sourceVolumeExternalId: v.source_volid ?? null,
  attachments: (v.attachments ?? []).map((a) => ({
    serverExternalId: a.server_id,
    device: a.device === undefined || a.device === null || a.device === '' ? null : a.device,
    attachmentExternalId: a.attachment_id ?? null,
  })),
  projectExternalId: volumeProjectOf(v) ?? fallbackProject,
  metadata: v.metadata ?? {},
  createdAt: v.created_at,
  updatedAt: v.updated_at ?? null,
});

export const toVolumeSnapshotDto = (s: Snapshot, fallbackProject = ''): VolumeSnapshotDto => ({
  externalId: s.id,
  name: s.name ?? '',
  description: s.description ?? '',
  status: s.status,
  sizeGb: s.size,
  volumeExternalId: s.volume_id,
  projectExternalId: snapshotProjectOf(s) ?? fallbackProject,
  createdAt: s.created_at,
  updatedAt: s.updated_at ?? null,
});

export const toVolumeBackupDto = (b: Backup, fallbackProject = ''): VolumeBackupDto => ({
  externalId: b.id,
  name: b.name ?? '',
  description: b.description ?? '',
  status: b.status,
  sizeGb: b.size,
  volumeExternalId: b.volume_id,
  incremental: b.is_incremental ?? false,
  failReason: b.fail_reason === undefined || b.fail_reason === '' ? null : b.fail_reason,
  projectExternalId: backupProjectOf(b) ?? fallbackProject,
  createdAt: b.created_at,
  updatedAt: b.updated_at ?? null,
});

export const toVolumeTypeDto = (t: VolumeType): VolumeTypeDto => ({
  externalId: t.id,
  name: t.name,
  description: t.description ?? '',
  isPublic: t['os-volume-type-access:is_public'] ?? t.is_public ?? true,
  extraSpecs: t.extra_specs ?? {},
});

/** GB as a number; `"infinite"`, `"unknown"` and absent values are unknown (null). */
export const capacityOf = (value: number | string | null | undefined): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

const truthy = (value: boolean | string | null | undefined) =>
  value === true || (typeof value === 'string' && value.toLowerCase() === 'true');

export const toStoragePoolDto = (p: Pool): StoragePoolDto => {
  const c = p.capabilities ?? {};
  return {
    name: p.name,
    volumeBackendName: c.volume_backend_name ?? null,
    storageProtocol: c.storage_protocol ?? null,
    vendorName: c.vendor_name ?? null,
    totalCapacityGb: capacityOf(c.total_capacity_gb),
    freeCapacityGb: capacityOf(c.free_capacity_gb),
    allocatedCapacityGb: capacityOf(c.allocated_capacity_gb),
    provisionedCapacityGb: capacityOf(c.provisioned_capacity_gb),
    thinProvisioning: truthy(c.thin_provisioning_support),
    updatedAt: c.timestamp ?? null,
  };
};
