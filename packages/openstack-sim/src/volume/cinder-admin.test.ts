import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, settle, type TestApp } from '../../test/network-test-app';
import { attachVolume } from './volume-attachments';

// Cinder behaviour the adapter contract met on real Zed (cinder 21.3.1), in-process.
const V = '/volume/v3/p1';
type Row = Record<string, unknown>;
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const newVolume = async (size: number) => {
  const res = await t.call('POST', `${V}/volumes`, { body: { volume: { size } } });
  await settle();
  return String((res.body.volume as Row).id);
};

describe('Cinder admin views and extend rules', () => {
  it('lists services to administrators, cinder-backup among them, filtered by binary', async () => {
    const all = await t.call('GET', `${V}/os-services`, { admin: true });
    const binaries = (all.body.services as Row[]).map((s) => s.binary);
    expect(binaries).toEqual(
      expect.arrayContaining(['cinder-scheduler', 'cinder-volume', 'cinder-backup']),
    );
    const backup = await t.call('GET', `${V}/os-services?binary=cinder-backup`, { admin: true });
    expect(backup.body.services).toEqual([
      expect.objectContaining({ binary: 'cinder-backup', state: 'up', status: 'enabled' }),
    ]);
    const member = await t.call('GET', `${V}/os-services`);
    expect(member.status).toBe(403);
  });

  it('shows administrators the backup’s project from 3.18 only', async () => {
    const volumeId = await newVolume(1);
    const created = await t.call('POST', `${V}/backups`, {
      body: { backup: { volume_id: volumeId, name: 'b' } },
    });
    await settle();
    const id = String((created.body.backup as Row).id);
    const at = (version: string) =>
      t.call('GET', `${V}/backups/${id}`, {
        admin: true,
        headers: { 'openstack-api-version': `volume ${version}` },
      });
    expect(((await at('3.0')).body.backup as Row)['os-backup-project-attr:project_id']).toBe(
      undefined,
    );
    expect(((await at('3.18')).body.backup as Row)['os-backup-project-attr:project_id']).toBe('p1');
  });

  it('checks the size before the status, and extends in-use volumes only from 3.42', async () => {
    const id = await newVolume(2);
    attachVolume(t.ctx, { volumeId: id, serverId: 's1', device: '/dev/vdb', projectId: 'p1' });
    const extend = (size: number, version = '3.0') =>
      t.call('POST', `${V}/volumes/${id}/action`, {
        body: { 'os-extend': { new_size: size } },
        headers: { 'openstack-api-version': `volume ${version}` },
      });
    const smaller = await extend(1);
    expect(smaller.status).toBe(400);
    expect(JSON.stringify(smaller.body)).toContain(
      'New size for extend must be greater than current size. (current: 2, extended: 1).',
    );
    const inUse = await extend(3);
    expect(inUse.body).toEqual({
      badRequest: {
        code: 400,
        message: `Invalid volume: Volume ${id} status must be '{'status': 'available'}' to extend, currently in-use.`,
      },
    });
    expect((await extend(3, '3.42')).status).toBe(202);
    await settle();
    const volume = (await t.call('GET', `${V}/volumes/${id}`)).body.volume as Row;
    expect(volume).toMatchObject({ status: 'in-use', size: 3 });
  });
});
