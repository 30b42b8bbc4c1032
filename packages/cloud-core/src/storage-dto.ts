/**
 * Block storage DTOs (M1.5). The cloud's own status words are kept (`creating`, `in-use`, …):
 * the portal waits on them, and operators know them from the cloud's own tools.
 */

export type VolumeAttachmentDto = {
  serverExternalId: string;
  /** e.g. `/dev/vdb`; null while the cloud has not said. */
  device: string | null;
  attachmentExternalId: string | null;
};

export type VolumeDto = {
  externalId: string;
  name: string;
  description: string;
  /** Cinder's status: creating, available, reserved, attaching, in-use, detaching, extending,
   * backing-up, restoring-backup, deleting, error, error_extending, … */
  status: string;
  sizeGb: number;
  volumeType: string | null;
  availabilityZone: string | null;
  bootable: boolean;
  encrypted: boolean;
  sourceImageExternalId: string | null;
  sourceSnapshotExternalId: string | null;
  sourceVolumeExternalId: string | null;
  attachments: VolumeAttachmentDto[];
  projectExternalId: string;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string | null;
};

export type VolumeSource =
  | { type: 'empty' }
  | { type: 'image'; imageExternalId: string }
  | { type: 'snapshot'; snapshotExternalId: string };

export type CreateVolumeSpec = {
  name: string;
  description?: string;
  sizeGb: number;
  /** Volume type name or id; the cloud's default when absent. */
  volumeType?: string;
  availabilityZone?: string;
  source: VolumeSource;
  metadata?: Record<string, string>;
};

export type VolumeSnapshotDto = {
  externalId: string;
  name: string;
  description: string;
  /** creating, available, deleting, error, error_deleting, … */
  status: string;
  sizeGb: number;
  volumeExternalId: string;
  projectExternalId: string;
  createdAt: string;
  updatedAt: string | null;
};

export type VolumeBackupDto = {
  externalId: string;
  name: string;
  description: string;
  /** creating, available, restoring, deleting, error, … */
  status: string;
  sizeGb: number;
  volumeExternalId: string;
  incremental: boolean;
  /** The cloud's words when status is error. */
  failReason: string | null;
  projectExternalId: string;
  createdAt: string;
  updatedAt: string | null;
};

export type VolumeTypeDto = {
  externalId: string;
  name: string;
  description: string;
  isPublic: boolean;
  /** e.g. { volume_backend_name: 'gold' } — how gold / silver / bronze map to backends. */
  extraSpecs: Record<string, string>;
};

export type CreateVolumeTypeSpec = {
  name: string;
  description?: string;
  isPublic: boolean;
  extraSpecs: Record<string, string>;
};

/** One storage backend pool as the scheduler sees it (admin). Capacities in GB, null = unknown. */
export type StoragePoolDto = {
  name: string;
  volumeBackendName: string | null;
  storageProtocol: string | null;
  vendorName: string | null;
  totalCapacityGb: number | null;
  freeCapacityGb: number | null;
  allocatedCapacityGb: number | null;
  provisionedCapacityGb: number | null;
  thinProvisioning: boolean;
  updatedAt: string | null;
};
