import type { StoragePool, Task, VolumeDetail, VolumeType } from '@yunguan/contract';
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
 * The storage rules that refuse before any task exists: tenancy (a volume never reaches a
 * server of another project), validation in zh-CN and en, quotas; and the admin side —
 * volume types with extra specs and storage pools — through the simulated datacenter.
 */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let sim: SimTargets;
let worker: Worker;
let member: Session;
let deptAdmin: Session;
let outsider: Session;
let volume: { id: string; externalId: string };
let otherServerId: string;
let hotSnapshotId: string;
let appServerId: string;

type ErrorBody = {
  error: {
    code: string;
    message: string;
    details: {
      reason?: string;
      params?: Record<string, unknown>;
      issues?: { path: string; message: string }[];
    };
  };
};
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;

const succeeded = async (session: Session, res: LightMyRequestResponse): Promise<Task> => {
  if (res.statusCode !== 202) throw new Error(`expected 202: ${res.statusCode} ${res.body}`);
  const done = await waitForTask(session, json<{ task: Task }>(res).task.id);
  if (done.status !== 'succeeded') throw new Error(`task failed: ${JSON.stringify(done.error)}`);
  return done;
};

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'stor');
  b = await createOrganisation(h.adminCtx, 'else');
  sim = await prepareSimProject(h, dc, a.project.id);
  await prepareSimProject(h, dc, a.otherProject.id);
  worker = await startInProcessTaskWorker(h);
  member = await h.login(a.member.username);
  deptAdmin = await h.login(a.deptAdmin.username);
  outsider = await h.login(b.deptAdmin.username);
  // A volume in project A (app) and a server in project B (ops) of the same department.
  const created = await succeeded(
    member,
    await member.post(`/api/v1/projects/${a.project.id}/volumes`, {
      datacenterId: dc.id,
      name: 'app-data',
      sizeGb: 1,
    }),
  );
  const detail = json<VolumeDetail>(await member.get(`/api/v1/volumes/${created.resourceId}`));
  volume = { id: detail.id, externalId: detail.externalId };
  const boot = await succeeded(
    deptAdmin,
    await deptAdmin.post(`/api/v1/projects/${a.otherProject.id}/servers`, {
      datacenterId: dc.id,
      name: 'ops-vm',
      flavorId: '1',
      imageId: sim.imageId,
      networkIds: [sim.networkId],
    }),
  );
  otherServerId = boot.resourceId!;
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const taskCount = () => h.deps.db.task.count();

describe('attach across projects', () => {
  test('a department admin who sees both projects gets a clear 409 naming both sides; nothing changes', async () => {
    const before = await taskCount();
    const res = await deptAdmin.post(`/api/v1/volumes/${volume.id}/actions`, {
      action: 'attach',
      serverId: otherServerId,
    });
    expect(res.statusCode).toBe(409);
    const error = errorOf(res);
    expect(error.details).toMatchObject({
      reason: 'volume_attach_other_project',
      params: {
        volume: 'app-data',
        volumeProject: a.project.name,
        server: 'ops-vm',
        serverProject: a.otherProject.name,
      },
    });
    expect(error.message).toContain(`"app-data" belongs to project "${a.project.name}"`);
    expect(error.message).toContain(`server "ops-vm" to project "${a.otherProject.name}"`);
    expect(error.message).toContain('nothing was changed');
    const zh = await deptAdmin.request(
      'POST',
      `/api/v1/volumes/${volume.id}/actions`,
      { action: 'attach', serverId: otherServerId },
      { 'accept-language': 'zh-CN' },
    );
    expect(errorOf(zh).message).toContain('云硬盘只能挂载到本项目的云主机');
    expect(await taskCount()).toBe(before);
    const after = json<VolumeDetail>(await deptAdmin.get(`/api/v1/volumes/${volume.id}`));
    expect(after).toMatchObject({ status: 'available', activeTask: null });
    expect(after.spec.attachments).toEqual([]);
    const cloud = await dc.cloud.request<{ volume: { status: string; attachments: unknown[] } }>(
      'GET',
      `/volume/v3/${sim.cloudProjectId}/volumes/${volume.externalId}`,
    );
    expect(cloud.body.volume).toMatchObject({ status: 'available', attachments: [] });
  });

  test("a project member who cannot see the other project's server gets 404 (nothing leaks)", async () => {
    const before = await taskCount();
    const res = await member.post(`/api/v1/volumes/${volume.id}/actions`, {
      action: 'attach',
      serverId: otherServerId,
    });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).message).not.toContain('ops-vm');
    expect(await taskCount()).toBe(before);
  });

  test('a caller of another department gets 404 for the volume, its list and its actions', async () => {
    const before = await taskCount();
    for (const res of [
      await outsider.get(`/api/v1/volumes/${volume.id}`),
      await outsider.get(`/api/v1/projects/${a.project.id}/volumes`),
      await outsider.post(`/api/v1/volumes/${volume.id}/actions`, {
        action: 'attach',
        serverId: otherServerId,
      }),
      await outsider.delete(`/api/v1/volumes/${volume.id}`),
    ])
      expect(res.statusCode, res.body).toBe(404);
    expect(await taskCount()).toBe(before);
  });
});

describe('validation before any task', () => {
  test('a bad create body is a 400 naming the fields, in en and zh-CN', async () => {
    const body = { datacenterId: dc.id, name: '', sizeGb: 0, source: { type: 'disk' } };
    const en = await member.post(`/api/v1/projects/${a.project.id}/volumes`, body);
    expect(en.statusCode).toBe(400);
    const issues = errorOf(en).details.issues!;
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.sizeGb', 'body.source.type']),
    );
    expect(issues.find((i) => i.path === 'body.sizeGb')?.message).toMatch(/>=\s*1/);
    const zh = await member.request('POST', `/api/v1/projects/${a.project.id}/volumes`, body, {
      'accept-language': 'zh-CN',
    });
    expect(zh.statusCode).toBe(400);
    expect(errorOf(zh).message).toBe('部分字段不正确，请按提示修改后重试。');
    expect(errorOf(zh).details.issues?.find((i) => i.path === 'body.sizeGb')?.message).toMatch(
      /[\u4e00-\u9fff]/,
    );
    const big = await member.post(`/api/v1/projects/${a.project.id}/volumes`, {
      datacenterId: dc.id,
      name: 'huge',
      sizeGb: 16_385,
    });
    expect(errorOf(big).details.issues?.[0]?.path).toBe('body.sizeGb');
  });

  test('an unknown image and an unknown volume type are 404 naming the field', async () => {
    const before = await taskCount();
    const image = await member.post(`/api/v1/projects/${a.project.id}/volumes`, {
      datacenterId: dc.id,
      name: 'x',
      sizeGb: 1,
      source: { type: 'image', imageId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(image.statusCode).toBe(404);
    expect(errorOf(image).details).toMatchObject({
      reason: 'storage_target_unknown',
      params: { field: 'source.imageId' },
    });
    const type = await member.post(`/api/v1/projects/${a.project.id}/volumes`, {
      datacenterId: dc.id,
      name: 'x',
      sizeGb: 1,
      volumeType: 'platinum',
    });
    expect(type.statusCode).toBe(404);
    expect(errorOf(type).details.reason).toBe('volume_type_unknown');
    expect(errorOf(type).message).toContain('"platinum"');
    expect(await taskCount()).toBe(before);
  });

  test('a snapshot of an in-use volume needs force', async () => {
    const vm = await succeeded(
      deptAdmin,
      await deptAdmin.post(`/api/v1/projects/${a.project.id}/servers`, {
        datacenterId: dc.id,
        name: 'app-vm',
        flavorId: '1',
        imageId: sim.imageId,
        networkIds: [sim.networkId],
      }),
    );
    await succeeded(
      member,
      await member.post(`/api/v1/volumes/${volume.id}/actions`, {
        action: 'attach',
        serverId: vm.resourceId,
      }),
    );
    appServerId = vm.resourceId!;
    const res = await member.post(`/api/v1/projects/${a.project.id}/volume-snapshots`, {
      volumeId: volume.id,
      name: 'hot',
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).details.reason).toBe('volume_snapshot_needs_force');
    const hot = await succeeded(
      member,
      await member.post(`/api/v1/projects/${a.project.id}/volume-snapshots`, {
        volumeId: volume.id,
        name: 'hot',
        force: true,
      }),
    );
    hotSnapshotId = hot.resourceId!;
  });

  test("another project's snapshot or volume is not usable, even for a caller who sees both", async () => {
    const before = await taskCount();
    const fromSnap = await deptAdmin.post(`/api/v1/projects/${a.otherProject.id}/volumes`, {
      datacenterId: dc.id,
      name: 'x',
      sizeGb: 1,
      source: { type: 'snapshot', snapshotId: hotSnapshotId },
    });
    expect(fromSnap.statusCode).toBe(404);
    expect(errorOf(fromSnap).details).toMatchObject({
      reason: 'storage_target_unknown',
      params: { field: 'source.snapshotId' },
    });
    const backup = await deptAdmin.post(`/api/v1/projects/${a.otherProject.id}/volume-backups`, {
      volumeId: volume.id,
      name: 'x',
    });
    expect(backup.statusCode).toBe(404);
    expect(await taskCount()).toBe(before);
  });
});

describe('quotas before queueing', () => {
  test('volume_gb, volumes and snapshots name quota, limit and use; no task is created', async () => {
    for (const [resource, limit] of [
      ['volume_gb', 3],
      ['volumes', 1],
      ['snapshots', 0],
    ] as const) {
      const res = await h.admin.post('/api/v1/quotas', {
        scope: 'project',
        projectId: a.otherProject.id,
        resource,
        limit,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const url = `/api/v1/projects/${a.otherProject.id}/volumes`;
    const before = await taskCount();
    const big = await deptAdmin.post(url, { datacenterId: dc.id, name: 'big', sizeGb: 4 });
    expect(big.statusCode).toBe(422);
    expect(errorOf(big)).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: {
        reason: 'quota_exceeded',
        params: { resource: 'volume_gb', limit: 3, used: 0, requested: 4 },
      },
    });
    expect(errorOf(big).message).toContain('limit 3');
    expect(await taskCount()).toBe(before);
    const first = await succeeded(
      deptAdmin,
      await deptAdmin.post(url, { datacenterId: dc.id, name: 'small', sizeGb: 2 }),
    );
    const second = await deptAdmin.post(url, { datacenterId: dc.id, name: 'two', sizeGb: 1 });
    expect(errorOf(second).details).toMatchObject({
      params: { resource: 'volumes', limit: 1, used: 1, requested: 1 },
    });
    const extend = await deptAdmin.post(`/api/v1/volumes/${first.resourceId}/actions`, {
      action: 'extend',
      newSizeGb: 4,
    });
    expect(extend.statusCode).toBe(422);
    expect(errorOf(extend).details.params).toMatchObject({
      resource: 'volume_gb',
      used: 2,
      requested: 2,
    });
    const snap = await deptAdmin.post(`/api/v1/projects/${a.otherProject.id}/volume-snapshots`, {
      volumeId: first.resourceId,
      name: 's',
    });
    expect(errorOf(snap).details.params).toMatchObject({ resource: 'snapshots', limit: 0 });
    expect(await taskCount()).toBe(before + 1);
  });
});

describe('volume types and pools (admin)', () => {
  test('a member sees the public types to choose from; creating one is 403', async () => {
    const res = await member.get(`/api/v1/datacenters/${dc.id}/volume-types`);
    expect(res.statusCode, res.body).toBe(200);
    const names = json<{ items: VolumeType[] }>(res).items.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['bronze', 'gold', 'silver']));
    const create = await member.post(`/api/v1/datacenters/${dc.id}/volume-types`, {
      name: 'mine',
      extraSpecs: {},
    });
    expect(create.statusCode).toBe(403);
    expect((await member.get(`/api/v1/datacenters/${dc.id}/storage-pools`)).statusCode).toBe(403);
  });

  test('compute.admin creates a type mapped to a backend, changes its specs, deletes it; audited', async () => {
    const url = `/api/v1/datacenters/${dc.id}/volume-types`;
    const created = await h.admin.post(url, {
      name: 'platinum',
      description: 'SSD, replicated',
      isPublic: true,
      extraSpecs: { volume_backend_name: 'ceph-ssd' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const type = json<VolumeType>(created);
    expect(type).toMatchObject({
      name: 'platinum',
      extraSpecs: { volume_backend_name: 'ceph-ssd' },
    });
    const twice = await h.admin.post(url, { name: 'platinum', extraSpecs: {} });
    expect(errorOf(twice).details.reason).toBe('volume_type_name_taken');
    const seen = json<{ items: VolumeType[] }>(await member.get(url)).items;
    expect(seen.map((t) => t.name)).toContain('platinum');
    const patched = await h.admin.patch(`${url}/${type.externalId}`, {
      extraSpecs: { volume_backend_name: 'lvm', 'capabilities:thin': '<is> True' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json<VolumeType>(patched).extraSpecs).toEqual({
      volume_backend_name: 'lvm',
      'capabilities:thin': '<is> True',
    });
    const unset = await h.admin.patch(`${url}/${type.externalId}`, {
      extraSpecs: { 'capabilities:thin': null },
    });
    expect(json<VolumeType>(unset).extraSpecs).toEqual({ volume_backend_name: 'lvm' });
    const removed = await h.admin.delete(`${url}/${type.externalId}`);
    expect(removed.statusCode, removed.body).toBe(204);
    const after = json<{ items: VolumeType[] }>(await h.admin.get(url)).items;
    expect(after.map((t) => t.name)).not.toContain('platinum');
    const audit = await h.deps.db.auditLog.findMany({
      where: { targetType: 'volume-type', targetId: type.externalId },
    });
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['volume-type.create', 'volume-type.update', 'volume-type.delete']),
    );
  });

  test('storage pools show each backend with its capacity', async () => {
    const res = await h.admin.get(`/api/v1/datacenters/${dc.id}/storage-pools`);
    expect(res.statusCode, res.body).toBe(200);
    const pools = json<{ items: StoragePool[] }>(res).items;
    expect(pools.map((p) => p.volumeBackendName).sort()).toEqual(['ceph-hdd', 'ceph-ssd', 'lvm']);
    for (const pool of pools) {
      expect(pool.totalCapacityGb).toBeGreaterThan(0);
      expect(pool.freeCapacityGb).toBeLessThanOrEqual(pool.totalCapacityGb!);
    }
  });
});

describe('one change at a time', () => {
  test('while a task waits on a volume, another change is 409 resource_busy naming it', async () => {
    // No worker: the detach stays queued, so the volume is busy for as long as the test needs.
    await worker.close();
    const detach = await member.post(`/api/v1/volumes/${volume.id}/actions`, {
      action: 'detach',
      serverId: appServerId,
    });
    expect(detach.statusCode, detach.body).toBe(202);
    const queued = json<{ task: Task }>(detach).task;
    const listed = json<{ items: { id: string; activeTask: unknown }[] }>(
      await member.get(`/api/v1/projects/${a.project.id}/volumes?q=app-data`),
    ).items;
    expect(listed[0]?.activeTask).toMatchObject({ id: queued.id, action: 'volume.detach' });
    const before = await taskCount();
    const snap = await member.post(`/api/v1/projects/${a.project.id}/volume-snapshots`, {
      volumeId: volume.id,
      name: 'while-busy',
      force: true,
    });
    expect(snap.statusCode).toBe(409);
    expect(errorOf(snap).details).toMatchObject({
      reason: 'resource_busy',
      params: { name: 'app-data', action: 'volume.detach', taskId: queued.id },
    });
    const del = await member.delete(`/api/v1/volumes/${volume.id}`);
    expect(errorOf(del).details.reason).toBe('resource_busy');
    expect(await taskCount()).toBe(before);
    worker = await startInProcessTaskWorker(h);
    const done = await waitForTask(member, queued.id);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    const after = json<VolumeDetail>(await member.get(`/api/v1/volumes/${volume.id}`));
    expect(after).toMatchObject({ status: 'available', activeTask: null });
  });
});
