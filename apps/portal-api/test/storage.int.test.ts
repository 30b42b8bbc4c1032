import type { Task, Volume, VolumeBackup, VolumeDetail, VolumeSnapshot } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';
import {
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';
import {
  fastTasks,
  prepareSimProject,
  startInProcessTaskWorker,
  waitForTask,
  type SimTargets,
} from './task-fixtures';

/**
 * The volume life through the real tunnel to the simulated datacenter, with a real worker:
 * create (empty, from a snapshot), extend, attach / detach to a server of the project,
 * snapshot, backup + restore, delete; lists, detail and CSV show the mirror's truth.
 */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let sim: SimTargets;
let worker: Worker;
let owner: Session;
let serverId: string;

type ErrorBody = {
  error: {
    code: string;
    message: string;
    details: { reason?: string; params?: Record<string, unknown> };
  };
};
type Page<T> = { items: T[]; total: number };

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'vol');
  sim = await prepareSimProject(h, dc, a.project.id);
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  const boot = await owner.post(`/api/v1/projects/${a.project.id}/servers`, {
    datacenterId: dc.id,
    name: 'vm-1',
    flavorId: '1',
    imageId: sim.imageId,
    networkIds: [sim.networkId],
  });
  if (boot.statusCode !== 202) throw new Error(`boot: ${boot.body}`);
  const booted = await waitForTask(owner, json<{ task: Task }>(boot).task.id);
  if (booted.status !== 'succeeded') throw new Error(`boot: ${JSON.stringify(booted.error)}`);
  serverId = booted.resourceId!;
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const volumesUrl = () => `/api/v1/projects/${a.project.id}/volumes`;

/** Send, expect 202, wait for the task, expect it succeeded. */
const succeeds = async (res: LightMyRequestResponse): Promise<Task> => {
  expect(res.statusCode, res.body).toBe(202);
  const done = await waitForTask(owner, json<{ task: Task }>(res).task.id);
  expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
  return done;
};

const volumeOf = async (id: string) => {
  const res = await owner.get(`/api/v1/volumes/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<VolumeDetail>(res);
};

const listOf = async <T>(url: string) => {
  const res = await owner.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<Page<T>>(res);
};

const ids: { data?: string; snapshot?: string; fromSnapshot?: string; backup?: string } = {};

describe('volume life', () => {
  test('create empty (gold): the task walks submit → wait → record and the list shows it available', async () => {
    const res = await owner.request(
      'POST',
      volumesUrl(),
      { datacenterId: dc.id, name: 'data-1', sizeGb: 2, volumeType: 'gold' },
      { 'idempotency-key': 'vol-create-data-1' },
    );
    const done = await succeeds(res);
    expect(done).toMatchObject({ action: 'volume.create', targetName: 'data-1' });
    expect(done.steps.map((s) => [s.key, s.status])).toEqual([
      ['submit', 'succeeded'],
      ['wait', 'succeeded'],
      ['record', 'succeeded'],
    ]);
    ids.data = done.resourceId!;
    const list = await listOf<Volume>(`${volumesUrl()}?q=data-1`);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id: ids.data,
      kind: 'volume',
      name: 'data-1',
      status: 'available',
      projectId: a.project.id,
      datacenterId: dc.id,
      activeTask: null,
      spec: { sizeGb: 2, volumeType: 'gold', attachments: [] },
    });
    const detail = await volumeOf(ids.data);
    expect(detail.recentTasks.map((t) => t.id)).toContain(done.id);
    // A retry with the same key answers with the same task and creates nothing.
    const again = await owner.request(
      'POST',
      volumesUrl(),
      { datacenterId: dc.id, name: 'data-1', sizeGb: 2, volumeType: 'gold' },
      { 'idempotency-key': 'vol-create-data-1' },
    );
    expect(again.statusCode).toBe(202);
    expect(json<{ task: Task }>(again).task.id).toBe(done.id);
    const audit = await h.deps.db.auditLog.count({
      where: { action: 'volume.create', projectId: a.project.id },
    });
    expect(audit).toBeGreaterThanOrEqual(1);
  });

  test("a refusal only the cloud knows (its own gigabytes quota) fails the task in the cloud's words; nothing is mirrored", async () => {
    const res = await owner.post(volumesUrl(), { datacenterId: dc.id, name: 'huge', sizeGb: 1001 });
    expect(res.statusCode, res.body).toBe(202);
    const done = await waitForTask(owner, json<{ task: Task }>(res).task.id);
    expect(done.status).toBe('failed');
    expect(done.error?.reason).toBe('cloud_request_failed');
    expect(done.error?.message).toMatch(/VolumeSizeExceedsAvailableQuota/);
    expect(done.steps.find((s) => s.key === 'submit')?.status).toBe('failed');
    const list = await listOf<Volume>(`${volumesUrl()}?q=huge&includeDeleted=true`);
    expect(list.total).toBe(0);
  });

  test('extend to 4 GB; a size not larger is a 400 naming newSizeGb', async () => {
    const smaller = await owner.post(`/api/v1/volumes/${ids.data}/actions`, {
      action: 'extend',
      newSizeGb: 2,
    });
    expect(smaller.statusCode).toBe(400);
    const body = json<ErrorBody & { error: { details: { issues: { path: string }[] } } }>(smaller);
    expect(body.error.details.reason).toBe('volume_extend_not_larger');
    expect(body.error.details.issues[0]?.path).toBe('body.newSizeGb');
    expect(body.error.message).toContain('2 GB');
    await succeeds(
      await owner.post(`/api/v1/volumes/${ids.data}/actions`, { action: 'extend', newSizeGb: 4 }),
    );
    expect((await volumeOf(ids.data!)).spec.sizeGb).toBe(4);
  });

  test("attach to the project's server: in-use with the attachment naming the server", async () => {
    const done = await succeeds(
      await owner.post(`/api/v1/volumes/${ids.data}/actions`, { action: 'attach', serverId }),
    );
    expect(done.action).toBe('volume.attach');
    // Step messages are stored as a key with parameters beside the English words (ADR 0121).
    const record = done.steps.find((s) => s.key === 'record');
    expect(record?.message).toMatchObject({
      key: 'attached',
      params: { name: 'data-1', server: 'vm-1' },
    });
    expect(record?.detail).toMatch(/^volume data-1 attached to vm-1 as \/dev\//);
    expect(done.steps.find((s) => s.key === 'submit')?.message).toEqual({
      key: 'attach-to',
      params: { server: 'vm-1' },
    });
    const volume = await volumeOf(ids.data!);
    expect(volume.status).toBe('in-use');
    expect(volume.spec.attachments).toHaveLength(1);
    expect(volume.spec.attachments[0]).toMatchObject({ serverId, serverName: 'vm-1' });
    expect(volume.spec.attachments[0]?.device).toMatch(/^\/dev\//);
  });

  test('while in-use: a second attach is 409 volume_not_available, delete is 409 volume_wrong_state', async () => {
    const before = await h.deps.db.task.count({ where: { projectId: a.project.id } });
    const attach = await owner.post(`/api/v1/volumes/${ids.data}/actions`, {
      action: 'attach',
      serverId,
    });
    expect(attach.statusCode).toBe(409);
    expect(json<ErrorBody>(attach).error.details).toMatchObject({
      reason: 'volume_not_available',
      params: { volume: 'data-1', status: 'in-use' },
    });
    const del = await owner.delete(`/api/v1/volumes/${ids.data}`);
    expect(del.statusCode).toBe(409);
    expect(json<ErrorBody>(del).error.details.reason).toBe('volume_wrong_state');
    expect(await h.deps.db.task.count({ where: { projectId: a.project.id } })).toBe(before);
  });

  test('detach: available again, no attachments', async () => {
    await succeeds(
      await owner.post(`/api/v1/volumes/${ids.data}/actions`, { action: 'detach', serverId }),
    );
    const volume = await volumeOf(ids.data!);
    expect(volume.status).toBe('available');
    expect(volume.spec.attachments).toEqual([]);
    const again = await owner.post(`/api/v1/volumes/${ids.data}/actions`, {
      action: 'detach',
      serverId,
    });
    expect(again.statusCode).toBe(409);
  });

  test('snapshot: available, names its volume; the volume cannot be deleted while it exists', async () => {
    const done = await succeeds(
      await owner.post(`/api/v1/projects/${a.project.id}/volume-snapshots`, {
        volumeId: ids.data,
        name: 'snap-1',
      }),
    );
    ids.snapshot = done.resourceId!;
    const list = await listOf<VolumeSnapshot>(`/api/v1/projects/${a.project.id}/volume-snapshots`);
    expect(list.items.find((s) => s.id === ids.snapshot)).toMatchObject({
      name: 'snap-1',
      status: 'available',
      spec: { sizeGb: 4, volumeId: ids.data, volumeName: 'data-1' },
    });
    const del = await owner.delete(`/api/v1/volumes/${ids.data}`);
    expect(del.statusCode).toBe(409);
    const body = json<ErrorBody>(del);
    expect(body.error.details).toMatchObject({
      reason: 'volume_has_snapshots',
      params: { count: 1, snapshots: 'snap-1' },
    });
    expect(body.error.message).toContain('snap-1');
  });

  test('create from the snapshot (smaller than it is a 400; at its size it works)', async () => {
    const small = await owner.post(volumesUrl(), {
      datacenterId: dc.id,
      name: 'from-snap',
      sizeGb: 1,
      source: { type: 'snapshot', snapshotId: ids.snapshot },
    });
    expect(small.statusCode).toBe(400);
    expect(json<ErrorBody>(small).error.details.reason).toBe('volume_too_small_for_source');
    const done = await succeeds(
      await owner.post(volumesUrl(), {
        datacenterId: dc.id,
        name: 'from-snap',
        sizeGb: 4,
        source: { type: 'snapshot', snapshotId: ids.snapshot },
      }),
    );
    ids.fromSnapshot = done.resourceId!;
    const volume = await volumeOf(ids.fromSnapshot);
    expect(volume.status).toBe('available');
    const snapshot = json<VolumeSnapshot>(
      await owner.get(`/api/v1/volume-snapshots/${ids.snapshot}`),
    );
    expect(volume.spec.sourceSnapshotExternalId).toBe(snapshot.externalId);
  });

  test('create from an image the project can use', async () => {
    const done = await succeeds(
      await owner.post(volumesUrl(), {
        datacenterId: dc.id,
        name: 'from-image',
        sizeGb: 1,
        source: { type: 'image', imageId: sim.imageId },
      }),
    );
    const volume = await volumeOf(done.resourceId!);
    expect(volume).toMatchObject({ status: 'available', spec: { bootable: true } });
    expect(volume.spec.sourceImageExternalId).toBe(sim.imageId);
  });

  test('backup, then restore into a new volume and into an existing one', async () => {
    const done = await succeeds(
      await owner.post(`/api/v1/projects/${a.project.id}/volume-backups`, {
        volumeId: ids.data,
        name: 'bk-1',
      }),
    );
    ids.backup = done.resourceId!;
    const backup = json<VolumeBackup>(await owner.get(`/api/v1/volume-backups/${ids.backup}`));
    expect(backup).toMatchObject({
      name: 'bk-1',
      status: 'available',
      spec: { sizeGb: 4, incremental: false, volumeId: ids.data, failReason: null },
    });
    const restored = await succeeds(
      await owner.post(`/api/v1/volume-backups/${ids.backup}/actions`, {
        action: 'restore',
        name: 'restored-1',
      }),
    );
    expect(restored.action).toBe('volume-backup.restore');
    const list = await listOf<Volume>(`${volumesUrl()}?q=restored-1`);
    expect(list.items[0]).toMatchObject({ status: 'available', spec: { sizeGb: 4 } });
    await succeeds(
      await owner.post(`/api/v1/volume-backups/${ids.backup}/actions`, {
        action: 'restore',
        volumeId: ids.fromSnapshot,
      }),
    );
    expect((await volumeOf(ids.fromSnapshot!)).status).toBe('available');
    const after = json<VolumeBackup>(await owner.get(`/api/v1/volume-backups/${ids.backup}`));
    expect(after.status).toBe('available');
  });

  test('CSV export lists every volume with its size, type and attachments', async () => {
    const res = await owner.get(`${volumesUrl()}?format=csv&sort=name`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/volumes-[\d-]+\.csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,name,status,externalId,datacenterId,sizeGb,volumeType,availabilityZone,bootable,attachedTo,firstSeenAt,observedAt,deletedAt',
    );
    const data = lines.find((l) => l.includes(',data-1,'));
    expect(data).toMatch(new RegExp(`^${ids.data},data-1,available,[^,]+,${dc.id},4,gold,`));
    expect(lines).toHaveLength(1 + (await listOf<Volume>(volumesUrl())).total);
  });

  test('a snapshot with volumes made from it is refused up front, naming them', async () => {
    const res = await owner.delete(`/api/v1/volume-snapshots/${ids.snapshot}`);
    expect(res.statusCode).toBe(409);
    expect(json<ErrorBody>(res).error.details).toMatchObject({
      reason: 'snapshot_has_dependent_volumes',
      params: { snapshot: 'snap-1', count: 1, volumes: 'from-snap' },
    });
    const zh = await owner.request(
      'DELETE',
      `/api/v1/volume-snapshots/${ids.snapshot}`,
      undefined,
      {
        'accept-language': 'zh-CN',
      },
    );
    expect(json<ErrorBody>(zh).error.message).toContain('快照“snap-1”仍有 1 个');
  });

  test('delete snapshot, backup and volume: gone from the lists, kept as deleted', async () => {
    await succeeds(await owner.delete(`/api/v1/volumes/${ids.fromSnapshot}`));
    await succeeds(await owner.delete(`/api/v1/volume-snapshots/${ids.snapshot}`));
    await succeeds(await owner.delete(`/api/v1/volume-backups/${ids.backup}`));
    const done = await succeeds(await owner.delete(`/api/v1/volumes/${ids.data}`));
    expect(done.action).toBe('volume.delete');
    const live = await listOf<Volume>(volumesUrl());
    expect(live.items.map((v) => v.id)).not.toContain(ids.data);
    const all = await listOf<Volume>(`${volumesUrl()}?includeDeleted=true&q=data-1`);
    expect(all.items[0]?.id).toBe(ids.data);
    expect(all.items[0]?.deletedAt).toEqual(expect.any(String));
    const snapshots = await listOf<VolumeSnapshot>(
      `/api/v1/projects/${a.project.id}/volume-snapshots`,
    );
    expect(snapshots.total).toBe(0);
    const cloud = await dc.cloud.request(
      'GET',
      `/volume/v3/${sim.cloudProjectId}/volumes/${all.items[0]!.externalId}`,
    );
    expect(cloud.status).toBe(404);
  });
});
