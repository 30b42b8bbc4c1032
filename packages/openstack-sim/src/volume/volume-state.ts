import { randomUUID } from 'node:crypto';
import type { SimContext } from '../core/sim-context';
import { withIdTables } from '../core/id-table';

export type VolumeStatus =
  | 'creating'
  | 'downloading'
  | 'available'
  | 'reserved'
  | 'attaching'
  | 'in-use'
  | 'detaching'
  | 'deleting'
  | 'error'
  | 'error_deleting'
  | 'extending'
  | 'backing-up'
  | 'awaiting-transfer'
  | 'restoring-backup'
  | 'error_restoring'
  | 'error_extending'
  | 'maintenance';

export type VolumeAttachment = {
  id: string;
  attachment_id: string;
  volume_id: string;
  server_id: string;
  host_name: string | null;
  device: string;
  attached_at: string;
};

export type Volume = {
  id: string;
  name: string | null;
  description: string | null;
  project_id: string;
  user_id: string;
  size: number;
  status: VolumeStatus;
  availability_zone: string;
  bootable: boolean;
  multiattach: boolean;
  volume_type: string;
  volume_type_id: string;
  snapshot_id: string | null;
  source_volid: string | null;
  backup_id: string | null;
  image_id: string | null;
  metadata: Record<string, string>;
  attachments: VolumeAttachment[];
  host: string;
  created_at: string;
  updated_at: string | null;
};

export type Snapshot = {
  id: string;
  name: string | null;
  description: string | null;
  volume_id: string;
  project_id: string;
  user_id: string;
  size: number;
  status: 'creating' | 'available' | 'deleting' | 'error' | 'error_deleting';
  metadata: Record<string, string>;
  created_at: string;
  updated_at: string | null;
};

export type Backup = {
  id: string;
  name: string | null;
  description: string | null;
  volume_id: string;
  snapshot_id: string | null;
  project_id: string;
  user_id: string;
  size: number;
  status: 'creating' | 'available' | 'deleting' | 'restoring' | 'error';
  availability_zone: string;
  container: string;
  is_incremental: boolean;
  created_at: string;
  updated_at: string | null;
};

export type VolumeType = {
  id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  extra_specs: Record<string, string>;
};

/** A storage backend pool (what cinder-scheduler reports in get_pools). */
export type Backend = {
  pool: string;
  backendName: string;
  totalGb: number;
  protocol: string;
  vendor: string;
  driver: string;
};

export type VolumeQuota = {
  volumes: number;
  gigabytes: number;
  snapshots: number;
  backups: number;
  backup_gigabytes: number;
  per_volume_gigabytes: number;
};

export type VolumeSlice = {
  seeded: boolean;
  volumes: Record<string, Volume>;
  snapshots: Record<string, Snapshot>;
  backups: Record<string, Backup>;
  types: Record<string, VolumeType>;
  defaultTypeName: string;
  backends: Backend[];
  quotas: Record<string, Partial<VolumeQuota>>;
};

export const defaultVolumeQuota: VolumeQuota = {
  volumes: 10,
  gigabytes: 1000,
  snapshots: 10,
  backups: 10,
  backup_gigabytes: 1000,
  per_volume_gigabytes: -1,
};

export const newVolumeId = (): string => randomUUID();

/** Cinder's timestamps: microseconds, no zone suffix. */
export const cinderTime = (ctx: SimContext): string =>
  ctx
    .now()
    .toISOString()
    .replace(/\.(\d{3})Z$/, '.$1000');

const seedTypes = (): { types: Record<string, VolumeType>; backends: Backend[] } => {
  const backends: Backend[] = [
    {
      pool: 'cinder-volume-1@ceph-ssd#ceph-ssd',
      backendName: 'ceph-ssd',
      totalGb: 10240,
      protocol: 'ceph',
      vendor: 'Open Source',
      driver: 'RBDDriver',
    },
    {
      pool: 'cinder-volume-1@ceph-hdd#ceph-hdd',
      backendName: 'ceph-hdd',
      totalGb: 40960,
      protocol: 'ceph',
      vendor: 'Open Source',
      driver: 'RBDDriver',
    },
    {
      pool: 'cinder-volume-2@lvm#lvm',
      backendName: 'lvm',
      totalGb: 20480,
      protocol: 'iSCSI',
      vendor: 'Open Source',
      driver: 'LVMVolumeDriver',
    },
  ];
  const type = (name: string, description: string, backend: string): VolumeType => ({
    id: randomUUID(),
    name,
    description,
    is_public: true,
    extra_specs: { volume_backend_name: backend },
  });
  const types = [
    type('gold', 'SSD-backed Ceph pool', 'ceph-ssd'),
    type('silver', 'HDD-backed Ceph pool', 'ceph-hdd'),
    type('bronze', 'LVM over iSCSI', 'lvm'),
  ];
  return { types: Object.fromEntries(types.map((t) => [t.id, t])), backends };
};

/** The volume slice, seeded on first use with gold/silver/bronze on three backends. */
export const volumeSlice = (ctx: SimContext): VolumeSlice => {
  const root = ctx.store.state.volume as Partial<VolumeSlice>;
  if (!root.seeded) {
    Object.assign(root, {
      seeded: true,
      volumes: {},
      snapshots: {},
      backups: {},
      ...seedTypes(),
      defaultTypeName: 'silver',
      quotas: {},
    } satisfies VolumeSlice);
    ctx.store.changed();
  }
  return withIdTables(root as VolumeSlice, ['volumes', 'snapshots', 'backups', 'types', 'quotas']);
};

export const quotaFor = (ctx: SimContext, projectId: string): VolumeQuota => ({
  ...defaultVolumeQuota,
  ...volumeSlice(ctx).quotas[projectId],
});

export const usageFor = (ctx: SimContext, projectId: string): VolumeQuota => {
  const slice = volumeSlice(ctx);
  const volumes = Object.values(slice.volumes).filter((v) => v.project_id === projectId);
  const snapshots = Object.values(slice.snapshots).filter((s) => s.project_id === projectId);
  const backups = Object.values(slice.backups).filter((b) => b.project_id === projectId);
  const sum = (rows: { size: number }[]) => rows.reduce((total, r) => total + r.size, 0);
  return {
    volumes: volumes.length,
    gigabytes: sum(volumes) + sum(snapshots),
    snapshots: snapshots.length,
    backups: backups.length,
    backup_gigabytes: sum(backups),
    per_volume_gigabytes: 0,
  };
};
