import type { VolumeQuota } from './volume-state';

export type QuotaRequest = Partial<
  Record<'volumes' | 'gigabytes' | 'snapshots' | 'backups' | 'backup_gigabytes', number>
>;

/**
 * Cinder's quota check: the overLimit message it would send, or null when the request fits.
 * A limit of -1 means unlimited. `size` is the per-volume size checked against per_volume_gigabytes.
 */
export const quotaViolation = (
  limits: VolumeQuota,
  used: VolumeQuota,
  request: QuotaRequest,
  kind: 'volume' | 'snapshot' | 'backup' = 'volume',
): string | null => {
  const over = (key: keyof QuotaRequest) => {
    const wanted = request[key] ?? 0;
    const limit = limits[key];
    return wanted > 0 && limit >= 0 && used[key] + wanted > limit;
  };
  const gigabytes = request.gigabytes ?? 0;
  if (
    limits.per_volume_gigabytes >= 0 &&
    kind === 'volume' &&
    gigabytes > limits.per_volume_gigabytes
  ) {
    return `VolumeSizeExceedsLimit: Requested volume size ${gigabytes}G is larger than maximum allowed limit ${limits.per_volume_gigabytes}G.`;
  }
  if (over('gigabytes')) {
    return `VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${gigabytes}G, quota is ${limits.gigabytes}G and ${used.gigabytes}G has been consumed.`;
  }
  if (over('volumes')) {
    return `VolumeLimitExceeded: Maximum number of volumes allowed (${limits.volumes}) exceeded for quota 'volumes'.`;
  }
  if (over('snapshots')) {
    return `SnapshotLimitExceeded: Maximum number of snapshots allowed (${limits.snapshots}) exceeded`;
  }
  if (over('backup_gigabytes')) {
    return `VolumeBackupSizeExceedsAvailableQuota: Requested backup exceeds allowed Backup gigabytes quota. Requested ${request.backup_gigabytes ?? 0}G, quota is ${limits.backup_gigabytes}G and ${used.backup_gigabytes}G has been consumed.`;
  }
  if (over('backups')) {
    return `BackupLimitExceeded: Maximum number of backups allowed (${limits.backups}) exceeded`;
  }
  return null;
};
