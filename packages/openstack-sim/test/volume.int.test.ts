import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachVolume, detachVolume } from '../src/volume';
import { createTestApp, settle, type TestApp } from './network-test-app';

const V = '/volume/v3/p1';
type Row = Record<string, unknown>;
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const createVolume = async (body: Row, opts: { admin?: boolean } = {}) => {
  const res = await t.call('POST', `${V}/volumes`, { ...opts, body: { volume: body } });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  await settle();
  return res.body.volume as Row;
};
const show = async (id: unknown) =>
  (await t.call('GET', `${V}/volumes/${String(id)}`)).body.volume as Row;

describe('Cinder volumes', () => {
  it('serves versions with the microversion header', async () => {
    const res = await t.call('GET', '/volume/');
    expect((res.body.versions as Row[])[0]).toMatchObject({ id: 'v3.0', min_version: '3.0' });
    const list = await t.call('GET', `${V}/volumes`, {
      headers: { 'openstack-api-version': 'volume 3.59' },
    });
    expect(list.headers['openstack-api-version']).toBe('volume 3.59');
  });

  it('creates an empty volume creating → available on its type’s backend and notifies', async () => {
    const created = await t.call('POST', `${V}/volumes`, {
      body: { volume: { size: 5, name: 'data', volume_type: 'gold' } },
    });
    expect(created.status).toBe(202);
    expect(created.body.volume).toMatchObject({
      status: 'creating',
      size: 5,
      volume_type: 'gold',
      bootable: 'false',
    });
    await settle();
    const volume = await show((created.body.volume as Row).id);
    expect(volume.status).toBe('available');
    const admin = await t.call('GET', `${V}/volumes/${String(volume.id)}`, { admin: true });
    expect((admin.body.volume as Row)['os-vol-host-attr:host']).toBe(
      'cinder-volume-1@ceph-ssd#ceph-ssd',
    );
    const event = t.notifications.find((n) => n.event_type === 'volume.create.end');
    expect(event?.payload).toMatchObject({
      volume_id: volume.id,
      tenant_id: 'p1',
      size: 5,
      status: 'available',
    });
  });

  it('lists, shows, updates, extends and deletes', async () => {
    const volume = await createVolume({ size: 1, name: 'a' });
    await createVolume({ size: 2, name: 'b' });
    const list = await t.call('GET', `${V}/volumes/detail?sort=name:asc&limit=1`);
    expect((list.body.volumes as Row[]).map((v) => v.name)).toEqual(['a']);
    expect(list.body.volumes_links).toBeDefined();
    const renamed = await t.call('PUT', `${V}/volumes/${String(volume.id)}`, {
      body: { volume: { name: 'a2' } },
    });
    expect((renamed.body.volume as Row).name).toBe('a2');
    const shrink = await t.call('POST', `${V}/volumes/${String(volume.id)}/action`, {
      body: { 'os-extend': { new_size: 1 } },
    });
    expect(shrink.status).toBe(400);
    const grow = await t.call('POST', `${V}/volumes/${String(volume.id)}/action`, {
      body: { 'os-extend': { new_size: 3 } },
    });
    expect(grow.status).toBe(202);
    await settle();
    expect(await show(volume.id)).toMatchObject({ size: 3, status: 'available' });
    expect((await t.call('DELETE', `${V}/volumes/${String(volume.id)}`)).status).toBe(202);
    await settle();
    const gone = await t.call('GET', `${V}/volumes/${String(volume.id)}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      itemNotFound: { code: 404, message: `Volume ${String(volume.id)} could not be found.` },
    });
    expect(t.notifications.map((n) => n.event_type)).toContain('volume.delete.end');
  });

  it('attaches through Nova’s verbs: in-use with attachments, refuses delete, back to available', async () => {
    const volume = await createVolume({ size: 1 });
    const attachment = attachVolume(t.ctx, {
      volumeId: String(volume.id),
      serverId: 'srv-1',
      device: '/dev/vdb',
      projectId: 'p1',
    });
    expect(attachment).toMatchObject({ server_id: 'srv-1', device: '/dev/vdb' });
    expect(await show(volume.id)).toMatchObject({
      status: 'in-use',
      attachments: [{ server_id: 'srv-1', device: '/dev/vdb' }],
    });
    expect(t.notifications.map((n) => n.event_type)).toContain('volume.attach.end');
    expect((await t.call('DELETE', `${V}/volumes/${String(volume.id)}`)).status).toBe(400);
    const snap = await t.call('POST', `${V}/snapshots`, {
      body: { snapshot: { volume_id: volume.id, name: 's' } },
    });
    expect(snap.status).toBe(400);
    const forced = await t.call('POST', `${V}/snapshots`, {
      body: { snapshot: { volume_id: volume.id, name: 's', force: true } },
    });
    expect(forced.status).toBe(202);
    detachVolume(t.ctx, { volumeId: String(volume.id), serverId: 'srv-1' });
    expect(await show(volume.id)).toMatchObject({ status: 'available', attachments: [] });
  });

  it('answers without the project in the path too (block-storage endpoint)', async () => {
    const volume = await createVolume({ size: 1, name: 'flat' });
    const res = await t.call('GET', `/volume/v3/volumes?name=flat`);
    expect(res.status).toBe(200);
    expect((res.body.volumes as Row[]).map((v) => v.id)).toEqual([volume.id]);
  });

  it('resets status only for admins', async () => {
    const volume = await createVolume({ size: 1 });
    const body = { 'os-reset_status': { status: 'error' } };
    expect(
      (await t.call('POST', `${V}/volumes/${String(volume.id)}/action`, { body })).status,
    ).toBe(403);
    expect(
      (await t.call('POST', `${V}/volumes/${String(volume.id)}/action`, { body, admin: true }))
        .status,
    ).toBe(202);
    expect((await show(volume.id)).status).toBe('error');
  });
});

describe('Cinder snapshots, backups and restores', () => {
  it('snapshots a volume and creates a volume from the snapshot', async () => {
    const volume = await createVolume({ size: 4, volume_type: 'bronze' });
    const res = await t.call('POST', `${V}/snapshots`, {
      body: { snapshot: { volume_id: volume.id, name: 'snap' } },
    });
    expect(res.status).toBe(202);
    expect(res.body.snapshot).toMatchObject({ status: 'creating', size: 4 });
    await settle();
    const snapshot = (
      await t.call('GET', `${V}/snapshots/${String((res.body.snapshot as Row).id)}`)
    ).body.snapshot as Row;
    expect(snapshot.status).toBe('available');
    expect(t.notifications.map((n) => n.event_type)).toContain('snapshot.create.end');
    const small = await t.call('POST', `${V}/volumes`, {
      body: { volume: { size: 1, snapshot_id: snapshot.id } },
    });
    expect(small.status).toBe(400);
    const clone = await createVolume({ snapshot_id: snapshot.id });
    expect(clone).toMatchObject({ size: 4, volume_type: 'bronze', snapshot_id: snapshot.id });
  });

  it('backs up and restores into a new volume', async () => {
    const volume = await createVolume({ size: 2 });
    const backup = await t.call('POST', `${V}/backups`, {
      body: { backup: { volume_id: volume.id, name: 'b1' } },
    });
    expect(backup.status).toBe(202);
    await settle();
    const id = String((backup.body.backup as Row).id);
    expect(((await t.call('GET', `${V}/backups/${id}`)).body.backup as Row).status).toBe(
      'available',
    );
    const restore = await t.call('POST', `${V}/backups/${id}/restore`, {
      body: { restore: { name: 'restored' } },
    });
    expect(restore.status).toBe(202);
    await settle();
    const restored = await show((restore.body.restore as Row).volume_id);
    expect(restored).toMatchObject({ name: 'restored', size: 2, status: 'available' });
  });
});

describe('Cinder types, quotas and pools', () => {
  it('seeds gold/silver/bronze on different backends; admins manage types', async () => {
    // The backend name is a sensitive extra spec: members do not see it (as on Zed, ADR 0115).
    const seen = (await t.call('GET', `${V}/types`)).body.volume_types as Row[];
    expect(seen.map((x) => (x.extra_specs as Row).volume_backend_name)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const types = (await t.call('GET', `${V}/types`, { admin: true })).body.volume_types as Row[];
    const backends = Object.fromEntries(
      types.map((x): [string, unknown] => [
        String(x.name),
        (x.extra_specs as Row).volume_backend_name,
      ]),
    );
    expect(backends).toEqual({ gold: 'ceph-ssd', silver: 'ceph-hdd', bronze: 'lvm' });
    expect(
      (await t.call('POST', `${V}/types`, { body: { volume_type: { name: 'x' } } })).status,
    ).toBe(403);
    const made = await t.call('POST', `${V}/types`, {
      admin: true,
      body: { volume_type: { name: 'platinum', extra_specs: { volume_backend_name: 'ceph-ssd' } } },
    });
    expect(made.status).toBe(200);
  });

  it('enforces gigabytes with Cinder’s 413 overLimit body', async () => {
    const set = await t.call('PUT', `${V}/os-quota-sets/p1`, {
      admin: true,
      body: { quota_set: { gigabytes: 100 } },
    });
    expect(set.status).toBe(200);
    await createVolume({ size: 80 });
    const res = await t.call('POST', `${V}/volumes`, { body: { volume: { size: 50 } } });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      overLimit: {
        code: 413,
        message:
          'VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 50G, quota is 100G and 80G has been consumed.',
      },
    });
    const usage = await t.call('GET', `${V}/os-quota-sets/p1?usage=true`);
    expect((usage.body.quota_set as Row).gigabytes).toMatchObject({ limit: 100, in_use: 80 });
  });

  it('reports pools with allocated capacity to admins', async () => {
    await createVolume({ size: 10, volume_type: 'gold' });
    expect((await t.call('GET', `${V}/scheduler-stats/get_pools?detail=true`)).status).toBe(403);
    const res = await t.call('GET', `${V}/scheduler-stats/get_pools?detail=true`, { admin: true });
    const pools = res.body.pools as { name: string; capabilities: Row }[];
    expect(pools).toHaveLength(3);
    const gold = pools.find((p) => p.capabilities.volume_backend_name === 'ceph-ssd');
    expect(gold?.capabilities).toMatchObject({
      total_capacity_gb: 10240,
      allocated_capacity_gb: 10,
      free_capacity_gb: 10230,
    });
  });
});
