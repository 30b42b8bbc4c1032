import type { Server, ServerDetail, Task } from '@yunguan/contract';
import type { Worker } from 'bullmq';
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

/** Servers and tasks through the real tunnel to the simulated datacenter, with a real worker. */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let sim: SimTargets;
let worker: Worker;
let owner: Session;
let outsider: Session;
let hugeFlavorId: string;

type ErrorBody = {
  error: {
    code: string;
    message: string;
    details: { reason?: string; params?: Record<string, unknown> };
  };
};

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'srv');
  b = await createOrganisation(h.adminCtx, 'oth');
  sim = await prepareSimProject(h, dc, a.project.id);
  const huge = await dc.cloud.request<{ flavor: { id: string } }>('POST', '/compute/v2.1/flavors', {
    flavor: { name: 'yg-bigger-than-any-host', vcpus: 512, ram: 4 * 1024 * 1024, disk: 10 },
  });
  hugeFlavorId = huge.body.flavor.id;
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  outsider = await h.login(b.deptAdmin.username);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const createBody = (name: string, extra: Record<string, unknown> = {}) => ({
  datacenterId: dc.id,
  name,
  flavorId: '1',
  imageId: sim.imageId,
  networkIds: [sim.networkId],
  ...extra,
});

const createOne = async (session: Session, name: string, extra: Record<string, unknown> = {}) => {
  const res = await session.post(
    `/api/v1/projects/${a.project.id}/servers`,
    createBody(name, extra),
  );
  expect(res.statusCode, res.body).toBe(202);
  return json<{ task: Task; tasks: Task[] }>(res).task;
};

const serverOf = async (session: Session, id: string) => {
  const res = await session.get(`/api/v1/servers/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<ServerDetail>(res);
};

const act = (session: Session, id: string, body: Record<string, unknown>) =>
  session.post(`/api/v1/servers/${id}/actions`, body);

let web: { task: Task; serverId: string };

describe('create', () => {
  test('a create task succeeds: steps with timestamps, the server ACTIVE in the mirror, audited', async () => {
    const res = await owner.request(
      'POST',
      `/api/v1/projects/${a.project.id}/servers`,
      createBody('web'),
      { 'idempotency-key': 'create-web-000001' },
    );
    expect(res.statusCode, res.body).toBe(202);
    const queued = json<{ task: Task }>(res).task;
    expect(queued).toMatchObject({ action: 'server.create', status: 'queued', targetName: 'web' });
    const done = await waitForTask(owner, queued.id);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.steps.map((s) => [s.key, s.status])).toEqual([
      ['submit', 'succeeded'],
      ['wait', 'succeeded'],
      ['record', 'succeeded'],
    ]);
    for (const step of done.steps) {
      expect(Date.parse(step.startedAt!)).toBeLessThanOrEqual(Date.parse(step.finishedAt!));
    }
    expect(done.targetExternalId).toEqual(expect.any(String));
    expect(done.startedAt && done.finishedAt).toBeTruthy();
    const server = await serverOf(owner, done.resourceId!);
    expect(server).toMatchObject({ name: 'web', status: 'active', projectId: a.project.id });
    expect(server.flavor).toMatchObject({ name: 'm1.tiny', vcpus: 1, ramMb: 512 });
    expect(server.recentTasks.map((t) => t.id)).toContain(done.id);
    const audit = await h.deps.db.auditLog.findMany({
      where: { action: 'server.create', projectId: a.project.id },
    });
    const phases = audit.map(
      (r) =>
        (r.detail as { phase?: string; status?: string }).phase ??
        (r.detail as { status?: string }).status,
    );
    expect(phases).toEqual(expect.arrayContaining(['queued', 'started', 'succeeded']));
    web = { task: done, serverId: done.resourceId! };
  });

  test('the same Idempotency-Key returns the same task and creates nothing more', async () => {
    const again = await owner.request(
      'POST',
      `/api/v1/projects/${a.project.id}/servers`,
      createBody('web'),
      { 'idempotency-key': 'create-web-000001' },
    );
    expect(again.statusCode).toBe(202);
    expect(json<{ task: Task }>(again).task.id).toBe(web.task.id);
    expect(await h.deps.db.task.count({ where: { idempotencyKey: 'create-web-000001' } })).toBe(1);
    const other = await owner.request(
      'POST',
      `/api/v1/projects/${a.project.id}/servers`,
      createBody('not-web'),
      { 'idempotency-key': 'create-web-000001' },
    );
    expect(other.statusCode).toBe(409);
    expect(json<ErrorBody>(other).error.details.reason).toBe('idempotency_key_reused');
  });

  test('count 3 makes name-1..3, one task each', async () => {
    const res = await owner.post(
      `/api/v1/projects/${a.project.id}/servers`,
      createBody('batch', { count: 3 }),
    );
    expect(res.statusCode).toBe(202);
    const { tasks } = json<{ tasks: Task[] }>(res);
    expect(tasks.map((t) => t.targetName)).toEqual(['batch-1', 'batch-2', 'batch-3']);
    const done = await Promise.all(tasks.map((t) => waitForTask(owner, t.id)));
    expect(done.map((t) => t.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });

  test("a flavor bigger than any host fails with the cloud's reason; the ERROR server is mirrored", async () => {
    const task = await createOne(owner, 'too-big', { flavorId: hugeFlavorId });
    const done = await waitForTask(owner, task.id);
    expect(done.status).toBe('failed');
    expect(done.error?.reason).toBe('cloud_operation_failed');
    expect(done.error?.message).toMatch(/No valid host was found/);
    expect(done.steps.find((s) => s.status === 'failed')?.detail).toMatch(/No valid host/);
    const server = await serverOf(owner, done.resourceId!);
    expect(server.status).toBe('error');
    expect(server.fault?.message).toMatch(/No valid host/);
    const zh = await owner.request('GET', `/api/v1/tasks/${task.id}`, undefined, {
      'accept-language': 'zh-CN',
    });
    expect(json<Task>(zh).error?.message).toMatch(/^云平台未能完成操作/);
  });

  test('the quota names the resource, the limit and the use, and nothing is created', async () => {
    const quota = await h.admin.post('/api/v1/quotas', {
      scope: 'project',
      projectId: a.otherProject.id,
      resource: 'instances',
      limit: 2,
    });
    expect(quota.statusCode, quota.body).toBe(201);
    const before = await h.deps.db.task.count();
    const res = await h.admin.post(`/api/v1/projects/${a.otherProject.id}/servers`, {
      ...createBody('over'),
      count: 3,
    });
    expect(res.statusCode).toBe(422);
    const body = json<ErrorBody>(res);
    expect(body.error.code).toBe('QUOTA_EXCEEDED');
    expect(body.error.details).toMatchObject({
      reason: 'quota_exceeded',
      params: { resource: 'instances', limit: 2, used: 0, requested: 3 },
    });
    expect(body.error.message).toContain('limit 2');
    expect(await h.deps.db.task.count()).toBe(before);
  });

  test('the project quota counts live servers plus unfinished creates (vCPUs)', async () => {
    // Project A: web + batch-1..3 + too-big (ERROR, still a server) = 5 × m1.tiny-or-bigger live.
    const usage = await h.admin.post('/api/v1/quotas', {
      scope: 'project',
      projectId: a.project.id,
      resource: 'instances',
      limit: 5,
    });
    expect(usage.statusCode, usage.body).toBe(201);
    const res = await owner.post(`/api/v1/projects/${a.project.id}/servers`, createBody('sixth'));
    expect(res.statusCode).toBe(422);
    expect(json<ErrorBody>(res).error.details.params).toMatchObject({
      resource: 'instances',
      limit: 5,
      used: 5,
    });
    const id = json<{ id: string }>(usage).id;
    expect((await h.admin.delete(`/api/v1/quotas/${id}`)).statusCode).toBe(204);
  });
});

describe('actions', () => {
  test('start on an active server is refused with the reason', async () => {
    const res = await act(owner, web.serverId, { action: 'start' });
    expect(res.statusCode).toBe(409);
    const body = json<ErrorBody>(res);
    expect(body.error.code).toBe('PRECONDITION_FAILED');
    expect(body.error.details.reason).toBe('server_wrong_state');
    expect(body.error.message).toContain('is active');
  });

  test('stop, then start; a second action while one runs is a CONFLICT', async () => {
    const stop = await act(owner, web.serverId, { action: 'stop' });
    expect(stop.statusCode, stop.body).toBe(202);
    const busy = await act(owner, web.serverId, { action: 'reboot' });
    expect(busy.statusCode).toBe(409);
    expect(json<ErrorBody>(busy).error.details.reason).toBe('server_busy');
    const stopped = await waitForTask(owner, json<{ task: Task }>(stop).task.id);
    expect(stopped.status).toBe('succeeded');
    expect((await serverOf(owner, web.serverId)).status).toBe('stopped');
    const start = await act(owner, web.serverId, { action: 'start' });
    expect(start.statusCode).toBe(202);
    expect((await waitForTask(owner, json<{ task: Task }>(start).task.id)).status).toBe(
      'succeeded',
    );
    expect((await serverOf(owner, web.serverId)).status).toBe('active');
  });

  test('resize to m1.small waits in verify-resize; confirm makes it active on the new flavor', async () => {
    const resize = await act(owner, web.serverId, { action: 'resize', flavorId: '2' });
    expect(resize.statusCode, resize.body).toBe(202);
    expect((await waitForTask(owner, json<{ task: Task }>(resize).task.id)).status).toBe(
      'succeeded',
    );
    const resized = await serverOf(owner, web.serverId);
    expect(resized.status).toBe('verify-resize');
    expect(resized.allowedActions).toEqual(
      expect.arrayContaining(['confirm-resize', 'revert-resize']),
    );
    const confirm = await act(owner, web.serverId, { action: 'confirm-resize' });
    expect(confirm.statusCode).toBe(202);
    expect((await waitForTask(owner, json<{ task: Task }>(confirm).task.id)).status).toBe(
      'succeeded',
    );
    const after = await serverOf(owner, web.serverId);
    expect(after.status).toBe('active');
    expect(after.flavor).toMatchObject({ name: 'm1.small', ramMb: 2048 });
  });

  test('migrate needs compute.admin (a member may read the server, so 403)', async () => {
    const res = await act(owner, web.serverId, { action: 'migrate' });
    expect(res.statusCode).toBe(403);
  });

  test('delete: the task succeeds, the cloud no longer has it, the mirror marks it deleted', async () => {
    const batch = await owner.get(`/api/v1/projects/${a.project.id}/servers?q=batch-3`);
    const target = json<{ items: Server[] }>(batch).items[0]!;
    const res = await owner.delete(`/api/v1/servers/${target.id}`);
    expect(res.statusCode, res.body).toBe(202);
    const task = await waitForTask(owner, json<{ task: Task }>(res).task.id);
    expect(task.status).toBe('succeeded');
    const cloud = await dc.cloud.request('GET', `/compute/v2.1/servers/${target.externalId}`);
    expect(cloud.status).toBe(404);
    const gone = await serverOf(owner, target.id);
    expect(gone.status).toBe('deleted');
    expect(gone.deletedAt).toEqual(expect.any(String));
    const list = json<{ items: Server[] }>(
      await owner.get(`/api/v1/projects/${a.project.id}/servers`),
    );
    expect(list.items.map((s) => s.id)).not.toContain(target.id);
  });
});

describe('lists', () => {
  test('servers: filter by status, search by name, sort, pages, CSV', async () => {
    const base = `/api/v1/projects/${a.project.id}/servers`;
    const errors = json<{ items: Server[]; total: number }>(
      await owner.get(`${base}?status=error`),
    );
    expect(errors.items.map((s) => s.name)).toEqual(['too-big']);
    const sorted = json<{ items: Server[]; total: number }>(
      await owner.get(`${base}?sort=name&pageSize=2&page=1`),
    );
    expect(sorted.total).toBe(4);
    expect(sorted.items.map((s) => s.name)).toEqual(['batch-1', 'batch-2']);
    const page2 = json<{ items: Server[] }>(await owner.get(`${base}?sort=name&pageSize=2&page=2`));
    expect(page2.items.map((s) => s.name)).toEqual(['too-big', 'web']);
    const csv = await owner.get(`${base}?format=csv&q=batch`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('name,status');
    expect(lines).toHaveLength(3);
  });

  test('tasks: filtered by project and status, only reachable projects', async () => {
    const failed = json<{ items: Task[] }>(
      await owner.get(`/api/v1/tasks?projectId=${a.project.id}&status=failed`),
    );
    expect(failed.items.map((t) => t.targetName)).toEqual(['too-big']);
    const mine = json<{ items: Task[]; total: number }>(
      await owner.get('/api/v1/tasks?pageSize=100'),
    );
    expect(mine.items.every((t) => t.projectId === a.project.id)).toBe(true);
    expect(mine.total).toBeGreaterThanOrEqual(9);
  });
});

describe('tenancy (ADR 0006: outside your reach it does not exist)', () => {
  test('a user of another department gets 404 by id, in lists, for tasks and actions', async () => {
    expect((await outsider.get(`/api/v1/servers/${web.serverId}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/projects/${a.project.id}/servers`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/tasks/${web.task.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/tasks?projectId=${a.project.id}`)).statusCode).toBe(404);
    const theirs = json<{ items: Task[]; total: number }>(await outsider.get('/api/v1/tasks'));
    expect(theirs.total).toBe(0);
    expect((await act(outsider, web.serverId, { action: 'stop' })).statusCode).toBe(404);
    expect((await outsider.delete(`/api/v1/servers/${web.serverId}`)).statusCode).toBe(404);
    const create = await outsider.post(`/api/v1/projects/${a.project.id}/servers`, createBody('x'));
    expect(create.statusCode).toBe(404);
  });
});

describe('offline datacenter', () => {
  test('a create is refused with 503 datacenter_offline (nothing queued); an action task fails with the reason', async () => {
    await dc.stopAgent();
    try {
      const before = await h.deps.db.task.count();
      // Department B's project: nothing of it is cached (target look-ups are kept 15 s).
      const res = await outsider.post(
        `/api/v1/projects/${b.project.id}/servers`,
        createBody('offline'),
      );
      expect(res.statusCode, res.body).toBe(503);
      expect(json<ErrorBody>(res).error.details.reason).toBe('datacenter_offline');
      expect(await h.deps.db.task.count()).toBe(before);
      const reboot = await act(owner, web.serverId, { action: 'reboot' });
      expect(reboot.statusCode, reboot.body).toBe(202);
      const done = await waitForTask(owner, json<{ task: Task }>(reboot).task.id);
      expect(done.status).toBe('failed');
      expect(done.error?.reason).toBe('datacenter_offline');
      expect(done.error?.message).toContain(dc.name);
    } finally {
      await dc.startAgent();
    }
  });
});
