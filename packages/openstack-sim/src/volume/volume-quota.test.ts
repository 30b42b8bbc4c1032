import { describe, expect, it } from 'vitest';
import { quotaViolation } from './volume-quota';
import { defaultVolumeQuota, type VolumeQuota } from './volume-state';

const used = (over: Partial<VolumeQuota> = {}): VolumeQuota => ({
  volumes: 0,
  gigabytes: 0,
  snapshots: 0,
  backups: 0,
  backup_gigabytes: 0,
  per_volume_gigabytes: 0,
  ...over,
});

describe('quotaViolation', () => {
  it('writes Cinder’s gigabytes message with requested, limit and consumed', () => {
    const limits = { ...defaultVolumeQuota, gigabytes: 100 };
    expect(
      quotaViolation(limits, used({ gigabytes: 80, volumes: 2 }), { volumes: 1, gigabytes: 50 }),
    ).toBe(
      'VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 50G, quota is 100G and 80G has been consumed.',
    );
  });

  it('allows a request that exactly fills the quota', () => {
    const limits = { ...defaultVolumeQuota, gigabytes: 100 };
    expect(
      quotaViolation(limits, used({ gigabytes: 80 }), { volumes: 1, gigabytes: 20 }),
    ).toBeNull();
  });

  it('counts volumes, snapshots and backups', () => {
    const limits = { ...defaultVolumeQuota, volumes: 2, snapshots: 1, backups: 1 };
    expect(quotaViolation(limits, used({ volumes: 2 }), { volumes: 1, gigabytes: 1 })).toMatch(
      /^VolumeLimitExceeded/,
    );
    expect(
      quotaViolation(limits, used({ snapshots: 1 }), { snapshots: 1, gigabytes: 1 }, 'snapshot'),
    ).toMatch(/^SnapshotLimitExceeded/);
    expect(
      quotaViolation(limits, used({ backups: 1 }), { backups: 1, backup_gigabytes: 1 }, 'backup'),
    ).toMatch(/^BackupLimitExceeded/);
  });

  it('treats -1 as unlimited and enforces per-volume size', () => {
    const unlimited = { ...defaultVolumeQuota, gigabytes: -1, volumes: -1 };
    expect(
      quotaViolation(unlimited, used({ gigabytes: 10_000, volumes: 500 }), {
        volumes: 1,
        gigabytes: 999,
      }),
    ).toBeNull();
    const perVolume = { ...defaultVolumeQuota, per_volume_gigabytes: 10 };
    expect(quotaViolation(perVolume, used(), { volumes: 1, gigabytes: 11 })).toMatch(
      /^VolumeSizeExceedsLimit/,
    );
  });
});
