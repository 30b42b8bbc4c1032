import { isCloudError, type CloudError } from '@yunguan/cloud-core';
import { describe, expect, it } from 'vitest';
import { capacityOf, toVolumeDto } from '../src/adapter/to-storage-dto';
import { createOpenStackProvider } from '../src/openstack-provider';
import { loadFixture, zedAuth } from './load-fixture';
import { replayFetch, type Exchange, type SentRequest } from './recorded-fetch';

// RECORDED responses of Debian's OpenStack Zed (cinder 21.3.1, FakeLoggingVolumeDriver, no
// cinder-backup) and of the simulator, by test/fixtures/block-storage/record-block-storage.ts.

const fixture = (name: string) => loadFixture(`block-storage/${name}`);

const replaying = (recorded: Exchange[], auth = zedAuth) => {
  const replay = replayFetch(recorded);
  return { ...replay, provider: createOpenStackProvider({ ...auth, fetch: replay.fetch }) };
};

/** The project in a recorded Cinder URL (`/v3/<project>/…`). */
const projectIn = (exchange: Exchange | undefined) =>
  /\/v3\/([0-9a-f]{32})\//.exec(exchange?.request.url ?? '')?.[1] ?? '';

const idIn = (exchange: Exchange | undefined, key: string) =>
  String((JSON.parse(exchange?.response.body ?? '{}') as Record<string, { id: string }>)[key]?.id);

const rejection = async (promise: Promise<unknown>): Promise<CloudError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCloudError(error)) throw new Error(`expected a CloudError, got ${String(error)}`);
  return error;
};

const calls = (sent: SentRequest[]) =>
  sent
    .filter((r) => !r.url.endsWith('/auth/tokens'))
    .map(
      (r) =>
        `${r.method} ${new URL(r.url).pathname.replace(/^.*?\/v[\d.]+\/(?:[0-9a-f]{32}\/)?/, '')}`,
    );

describe('block storage on real Zed (recorded)', () => {
  it('creates, reads, refuses to shrink, extends (error_extending on the fake driver) and deletes idempotently', async () => {
    const recorded = fixture('zed-volume-lifecycle.json');
    const { provider, sent, remaining } = replaying(recorded);
    const scope = { projectExternalId: projectIn(recorded[1]) };
    const adminScope = { projectExternalId: projectIn(recorded[4]) };

    const created = await provider.blockStorage.createVolume(scope, {
      name: 'rec-volume',
      sizeGb: 2,
      source: { type: 'empty' },
      metadata: { purpose: 'record' },
    });
    // Zed's create answer has no tenant attribute: the scope's project stands in.
    expect(created).toMatchObject({
      status: 'creating',
      sizeGb: 2,
      projectExternalId: scope.projectExternalId,
      metadata: { purpose: 'record' },
    });
    const post = sent.find((r) => r.method === 'POST' && r.url.endsWith('/volumes'));
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      volume: { name: 'rec-volume', size: 2, metadata: { purpose: 'record' } },
    });
    expect(post?.headers['openstack-api-version']).toBe('volume 3.0');

    const id = created.externalId;
    expect(await provider.blockStorage.getVolume(scope, id)).toMatchObject({
      status: 'available',
      bootable: false,
      encrypted: false,
      volumeType: '__DEFAULT__',
      attachments: [],
      projectExternalId: scope.projectExternalId,
      sourceImageExternalId: null,
    });

    // The admin-role token sees the volume in any project: the adapter keeps it to its own.
    expect((await rejection(provider.blockStorage.getVolume(adminScope, id))).kind).toBe(
      'not-found',
    );

    const shrink = await rejection(provider.blockStorage.extendVolume(scope, id, 1));
    expect(shrink).toMatchObject({ kind: 'bad-request', actual: 400 });
    expect(shrink.upstreamMessage).toBe(
      'Invalid input received: New size for extend must be greater than current size. (current: 2, extended: 1).',
    );
    await provider.blockStorage.extendVolume(scope, id, 3);
    expect(JSON.parse(sent.at(-1)?.body ?? '{}')).toEqual({ 'os-extend': { new_size: 3 } });
    expect(await provider.blockStorage.getVolume(scope, id)).toMatchObject({
      status: 'error_extending',
      sizeGb: 2,
    });

    await provider.blockStorage.deleteVolume(scope, id);
    await provider.blockStorage.deleteVolume(scope, id);
    expect(calls(sent).slice(-3)).toEqual([
      `GET volumes/${id}`,
      `DELETE volumes/${id}`,
      `GET volumes/${id}`,
    ]);
    expect(remaining()).toBe(0);
  });

  it('attaches through Nova at 2.79 (in-use on /dev/sdb), refuses an unforced in-use snapshot, detaches', async () => {
    const recorded = fixture('zed-attach.json');
    const { provider, sent, remaining } = replaying(recorded);
    const scope = { projectExternalId: projectIn(recorded[1]) };
    const volumeId = idIn(recorded[1], 'volume');
    const serverId = idIn(recorded[2], 'server');

    await provider.blockStorage.attachVolume(scope, volumeId, serverId);
    const attach = sent.find((r) => r.url.endsWith('/os-volume_attachments'));
    expect(JSON.parse(attach?.body ?? '{}')).toEqual({ volumeAttachment: { volumeId } });
    expect(attach?.headers['openstack-api-version']).toBe('compute 2.79');

    const used = await provider.blockStorage.getVolume(scope, volumeId);
    expect(used.status).toBe('in-use');
    expect(used.attachments).toEqual([
      {
        serverExternalId: serverId,
        device: '/dev/sdb',
        attachmentExternalId: 'a5c695c2-888b-405c-a96c-099df2bb9264',
      },
    ]);

    const snapshot = await rejection(
      provider.blockStorage.createVolumeSnapshot(scope, {
        volumeExternalId: volumeId,
        name: 'x',
        force: false,
      }),
    );
    expect(snapshot.kind).toBe('bad-request');
    expect(snapshot.upstreamMessage).toBe(
      `Invalid volume: Volume ${volumeId} status must be available, but current status is: in-use.`,
    );

    await provider.blockStorage.detachVolume(scope, volumeId, serverId);
    expect(calls(sent).at(-1)).toBe(`DELETE servers/${serverId}/os-volume_attachments/${volumeId}`);
    expect(remaining()).toBe(0);
  });

  it('refuses a backup without cinder-backup, and never reads Cinder’s service 404 on delete as gone', async () => {
    const recorded = fixture('zed-backup-types-pools.json');
    const { provider, sent } = replaying(recorded);
    const scope = { projectExternalId: projectIn(recorded[1]) };
    const adminScope = { projectExternalId: projectIn(recorded[3]) };

    const refused = await rejection(
      provider.blockStorage.createVolumeBackup(scope, {
        volumeExternalId: idIn(recorded[1], 'volume'),
        name: 'rec',
      }),
    );
    expect(refused.kind).toBe('unavailable');
    expect(refused.upstreamMessage).toMatch(/cinder-backup/);
    expect(sent.some((r) => r.method === 'POST' && r.url.endsWith('/backups'))).toBe(false);

    const stuck = idIn(recorded[5], 'backup');
    const error = await rejection(provider.blockStorage.deleteVolumeBackup(adminScope, stuck));
    expect(error).toMatchObject({
      kind: 'unavailable',
      actual: 404,
      upstreamMessage: 'Service cinder-backup could not be found.',
    });
  });

  it('sets and unsets extra specs (only keys the type has), deletes a type twice, reads pools', async () => {
    const recorded = fixture('zed-backup-types-pools.json');
    // Skip the backup part: start at the admin token and the type's creation.
    const { provider, sent, remaining } = replaying([
      recorded[2],
      ...recorded.slice(8),
    ] as Exchange[]);

    const type = await provider.blockStorage.createVolumeType({
      name: 'rec-type',
      isPublic: true,
      extraSpecs: { volume_backend_name: 'fake', tier: 'gold' },
    });
    expect(type).toMatchObject({
      name: 'rec-type',
      isPublic: true,
      description: '',
      extraSpecs: { volume_backend_name: 'fake', tier: 'gold' },
    });
    const updated = await provider.blockStorage.updateVolumeTypeExtraSpecs(type.externalId, {
      tier: 'silver',
      zone: 'a',
      volume_backend_name: null,
      absent: null,
    });
    expect(updated.extraSpecs).toEqual({ tier: 'silver', zone: 'a' });
    expect(calls(sent).filter((c) => c.includes('extra_specs'))).toEqual([
      `POST types/${type.externalId}/extra_specs`,
      `DELETE types/${type.externalId}/extra_specs/volume_backend_name`,
    ]);

    await provider.blockStorage.deleteVolumeType(type.externalId);
    await provider.blockStorage.deleteVolumeType(type.externalId);

    // The fake driver reports "infinite" capacity: unknown (null), never NaN.
    const pools = await provider.blockStorage.listStoragePools();
    expect(pools[0]?.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(pools).toMatchObject([
      {
        name: 'vm@fake#fake',
        volumeBackendName: 'fake',
        storageProtocol: 'fake',
        vendorName: 'Open Source',
        totalCapacityGb: null,
        freeCapacityGb: null,
        allocatedCapacityGb: 0,
        provisionedCapacityGb: 0,
        thinProvisioning: false,
      },
    ]);
    expect(remaining()).toBe(0);
  });
});

describe('block storage on the simulator (recorded)', () => {
  it('lists gold/silver/bronze on their backends, pools with capacities, backs up and restores', async () => {
    const recorded = fixture('sim-types-pools-backup.json');
    const authUrl = recorded[0]?.request.url.replace(/\/auth\/tokens$/, '') ?? '';
    const { provider, sent, remaining } = replaying(recorded, {
      ...zedAuth,
      authUrl,
      regionName: undefined as unknown as string,
    });

    const types = await provider.blockStorage.listVolumeTypes();
    expect(
      Object.fromEntries(types.map((t) => [t.name, t.extraSpecs.volume_backend_name])),
    ).toEqual({ gold: 'ceph-ssd', silver: 'ceph-hdd', bronze: 'lvm' });
    const pools = await provider.blockStorage.listStoragePools();
    expect(pools).toHaveLength(3);
    for (const pool of pools) {
      expect(pool.totalCapacityGb).toBeGreaterThan(0);
      expect(pool.freeCapacityGb).toBeLessThanOrEqual(pool.totalCapacityGb ?? 0);
    }
    expect(pools.find((p) => p.volumeBackendName === 'ceph-ssd')).toMatchObject({
      allocatedCapacityGb: 1,
      thinProvisioning: true,
      storageProtocol: 'ceph',
    });

    const volumeGet = recorded.find((e) => e.request.url.includes('/volumes/'));
    const volumeId = idIn(volumeGet, 'volume');
    const backupGet = recorded.find(
      (e) => e.request.method === 'GET' && e.request.url.includes('/backups/'),
    );
    const shown = JSON.parse(backupGet?.response.body ?? '{}') as {
      backup?: Record<string, string>;
    };
    const scope = { projectExternalId: shown.backup?.['os-backup-project-attr:project_id'] ?? '' };
    const backup = await provider.blockStorage.createVolumeBackup(scope, {
      volumeExternalId: volumeId,
      name: 'rec-backup',
    });
    expect(backup).toMatchObject({
      volumeExternalId: volumeId,
      sizeGb: 1,
      incremental: false,
      failReason: null,
      projectExternalId: scope.projectExternalId,
    });
    expect(
      sent.filter((r) => r.url.includes('/backups')).map((r) => r.headers['openstack-api-version']),
    ).toEqual(['volume 3.18', 'volume 3.18']);
    const restored = await provider.blockStorage.restoreVolumeBackup(scope, backup.externalId, {
      name: 'rec-restored',
    });
    expect(restored.volumeExternalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(sent.at(-1)?.body ?? '{}')).toEqual({ restore: { name: 'rec-restored' } });
    expect(remaining()).toBe(0);
  });
});

describe('storage DTO mapping', () => {
  it('reads capacities as numbers or unknown', () => {
    expect(capacityOf(12.5)).toBe(12.5);
    expect(capacityOf('40')).toBe(40);
    expect(capacityOf('infinite')).toBeNull();
    expect(capacityOf('unknown')).toBeNull();
    expect(capacityOf(null)).toBeNull();
    expect(capacityOf(undefined)).toBeNull();
  });

  it('takes bootable from Cinder’s string, the image from its metadata, blank devices as null', () => {
    const dto = toVolumeDto(
      {
        id: 'v',
        status: 'in-use',
        size: 1,
        bootable: 'true',
        volume_image_metadata: { image_id: 'img', signature_verified: 'False' },
        attachments: [{ server_id: 's', attachment_id: null, device: '' }],
        created_at: '2026-11-22T10:00:00.000000',
      },
      'p',
    );
    expect(dto).toMatchObject({
      bootable: true,
      sourceImageExternalId: 'img',
      attachments: [{ serverExternalId: 's', device: null, attachmentExternalId: null }],
      projectExternalId: 'p',
      name: '',
      volumeType: null,
    });
    // A failed image copy on Zed leaves `{ signature_verified }` only: no source image known.
    expect(
      toVolumeDto({
        id: 'v',
        status: 'error',
        size: 1,
        volume_image_metadata: { signature_verified: 'False' },
        created_at: 'x',
      }).sourceImageExternalId,
    ).toBeNull();
  });
});
