import { randomUUID } from 'node:crypto';
import type { Server, Task } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertTask } from '../src/repositories/task-repository';
import { performTask } from '../src/services/tasks/perform-task';
import { taskRequestHash } from '../src/services/tasks/queue-task';
import { claimTask } from '../src/services/tasks/run-task';
import { initialSteps } from '../src/services/tasks/task-steps';
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

/** Quota held by resizes, idempotency keys on actions, one attempt per task. */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let sim: SimTargets;
let worker: Worker | null = null;
let owner: Session;
let servers: Server[];

type ErrorBody = {
  error: { code: string; details: { reason?: string; params?: Record<string, unknown> } };
};

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'act');
  sim = await prepareSimProject(h, dc, a.project.id);
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  const res = await owner.post(`/api/v1/projects/${a.project.id}/servers`, {
    datacenterId: dc.id,
    name: 'r',
    count: 3,
    flavorId: '1',
    imageId: sim.imageId,
    networkIds: [sim.networkId],
  });
  expect(res.statusCode, res.body).toBe(202);
  for (const t of json<{ tasks: Task[] }>(res).tasks)
    expect((await waitForTask(owner, t.id)).status).toBe('succeeded');
  servers = json<{ items: Server[] }>(
    await owner.get(`/api/v1/projects/${a.project.id}/servers?sort=name`),
  ).items;
  expect(servers.map((s) => s.name)).toEqual(['r-1', 'r-2', 'r-3']);
  // Nothing runs the queued tasks from here on unless a test starts a worker.
  await worker.close();
  worker = null;
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const act = (id: string, body: Record<string, unknown>) =>
  owner.post(`/api/v1/servers/${id}/actions`, body);

const ramOf = async (flavorId: string) =>
  (await dc.cloud.request<{ flavor: { ram: number } }>('GET', `/compute/v2.1/flavors/${flavorId}`))
    .body.flavor.ram;

describe('quota held by a resize', () => {
  test('two quick resizes over the RAM limit: the second is refused while the first is unfinished', async () => {
    const [tiny, medium] = [await ramOf('1'), await ramOf('3')];
    const grow = medium - tiny;
    // Fits three tiny servers plus one resize, not two.
    const limit = 3 * tiny + grow + Math.floor(grow / 2);
    const quota = await h.admin.post('/api/v1/quotas', {
      scope: 'project',
      projectId: a.project.id,
      resource: 'ram_mb',
      limit,
    });
    expect(quota.statusCode, quota.body).toBe(201);
    try {
      const first = await act(servers[0]!.id, { action: 'resize', flavorId: '3' });
      expect(first.statusCode, first.body).toBe(202);
      const second = await act(servers[1]!.id, { action: 'resize', flavorId: '3' });
      expect(second.statusCode, second.body).toBe(422);
      expect(json<ErrorBody>(second).error.details).toMatchObject({
        reason: 'quota_exceeded',
        params: { resource: 'ram_mb', limit, used: 3 * tiny + grow, requested: grow },
      });
      // Finished (here: cancelled by hand), the resize holds nothing any more.
      await h.deps.db.task.update({
        where: { id: json<{ task: Task }>(first).task.id },
        data: { status: 'cancelled', finishedAt: new Date() },
      });
      const third = await act(servers[1]!.id, { action: 'resize', flavorId: '3' });
      expect(third.statusCode, third.body).toBe(202);
      await h.deps.db.task.update({
        where: { id: json<{ task: Task }>(third).task.id },
        data: { status: 'cancelled', finishedAt: new Date() },
      });
    } finally {
      await h.admin.delete(`/api/v1/quotas/${json<{ id: string }>(quota).id}`);
    }
  });
});

describe('idempotency keys on actions', () => {
  test('the same key sent at once by several clients: all get the one task', async () => {
    const body = { action: 'stop', idempotencyKey: 'act-stop-r3-000001' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => act(servers[2]!.id, body)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(6).fill(202));
    const ids = new Set(answers.map((r) => json<{ task: Task }>(r).task.id));
    expect(ids.size).toBe(1);
    expect(await h.deps.db.task.count({ where: { idempotencyKey: body.idempotencyKey } })).toBe(1);
  });

  test('a repeat that loses the race to the same key (unique violation) gets the winner task', async () => {
    const server = servers[2]!;
    await h.deps.db.task.updateMany({
      where: { resourceId: server.id, status: 'queued' },
      data: { status: 'cancelled', finishedAt: new Date() },
    });
    const key = 'act-race-r3-000001';
    const winnerId = randomUUID();
    let loser: ReturnType<typeof act> | undefined;
    // The winner's row is written but not committed while the repeat looks for the key and
    // then inserts: its insert waits on the unique index and fails once the winner commits.
    await h.deps.db.$transaction(
      async (tx) => {
        await insertTask(tx, {
          id: winnerId,
          actorId: a.member.id,
          actorName: a.member.username,
          departmentId: a.department.id,
          projectId: a.project.id,
          datacenterId: server.datacenterId,
          action: 'server.stop',
          targetType: 'server',
          targetExternalId: server.externalId,
          targetName: server.name,
          resourceId: server.id,
          input: { action: 'stop' },
          secretInputEnc: null,
          steps: initialSteps(),
          jobId: winnerId,
          idempotencyKey: key,
          requestHash: taskRequestHash({
            projectId: a.project.id,
            datacenterId: server.datacenterId,
            action: 'server.stop',
            targetExternalId: server.externalId,
            input: { action: 'stop' },
          }),
        });
        loser = act(server.id, { action: 'stop', idempotencyKey: key });
        await new Promise((r) => setTimeout(r, 1_500));
      },
      { timeout: 20_000 },
    );
    const res = await loser!;
    expect(res.statusCode, res.body).toBe(202);
    expect(json<{ task: Task }>(res).task.id).toBe(winnerId);
  });

  test('the same key with other input is a CONFLICT, not the first task', async () => {
    const key = 'act-reboot-r3-000001';
    await h.deps.db.task.updateMany({
      where: { resourceId: servers[2]!.id, status: 'queued' },
      data: { status: 'cancelled', finishedAt: new Date() },
    });
    const soft = await act(servers[2]!.id, { action: 'reboot', hard: false, idempotencyKey: key });
    expect(soft.statusCode, soft.body).toBe(202);
    const again = await act(servers[2]!.id, { action: 'reboot', hard: false, idempotencyKey: key });
    expect(json<{ task: Task }>(again).task.id).toBe(json<{ task: Task }>(soft).task.id);
    const hard = await act(servers[2]!.id, { action: 'reboot', hard: true, idempotencyKey: key });
    expect(hard.statusCode, hard.body).toBe(409);
    expect(json<ErrorBody>(hard).error.details.reason).toBe('idempotency_key_reused');
  });
});

describe('one attempt at a time', () => {
  test('two workers claiming the same task at once: exactly one wins', async () => {
    const queued = await h.deps.db.task.findFirstOrThrow({
      where: { resourceId: servers[2]!.id, status: 'queued' },
    });
    const deps = { db: h.deps.db, config: h.deps.config, now: () => new Date() };
    const claims = await Promise.all([claimTask(deps, queued.id), claimTask(deps, queued.id)]);
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    const row = await h.deps.db.task.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.attempts).toBe(1);
    // A second claim later (the first worker died) takes attempt 2; the stale attempt's writes stop.
    const later = await claimTask(deps, queued.id);
    expect(later?.attempts).toBe(2);
    await h.deps.db.task.update({
      where: { id: queued.id },
      data: { status: 'cancelled', finishedAt: new Date() },
    });
  });
});

describe('a resumed attempt and what a finished task keeps', () => {
  test('resize with a submitting marker and a server that changed since: failed, not sent again', async () => {
    const server = servers[0]!;
    const res = await act(server.id, { action: 'resize', flavorId: '2' });
    expect(res.statusCode, res.body).toBe(202);
    const taskId = json<{ task: Task }>(res).task.id;
    const look = await dc.cloud.request<{
      server: { flavor: { id?: string; original_name?: string } };
    }>('GET', `/compute/v2.1/servers/${server.externalId}`);
    // An earlier attempt wrote the marker (the server was elsewhere then) and died.
    await h.deps.db.task.update({
      where: { id: taskId },
      data: {
        operation: {
          submitting: true,
          attempt: 0,
          at: new Date().toISOString(),
          before: { status: 'ACTIVE', taskState: null, host: 'another-host', flavor: '1' },
        },
      },
    });
    const deps = { db: h.deps.db, config: h.deps.config, now: () => new Date() };
    expect(await performTask(deps, taskId, { finalAttempt: true })).toEqual({
      status: 'failed',
    });
    const row = await h.deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(row.errorReason).toBe('task_submit_uncertain');
    const after = await dc.cloud.request<{ server: { status: string; flavor: unknown } }>(
      'GET',
      `/compute/v2.1/servers/${server.externalId}`,
    );
    expect(after.body.server.status).toBe('ACTIVE');
    expect(after.body.server.flavor).toEqual(look.body.server.flavor);
  });

  test('user data is kept only until the task finishes', async () => {
    worker = await startInProcessTaskWorker(h);
    try {
      const res = await owner.post(`/api/v1/projects/${a.project.id}/servers`, {
        datacenterId: dc.id,
        name: 'with-user-data',
        flavorId: '1',
        imageId: sim.imageId,
        networkIds: [sim.networkId],
        userData: '#cloud-config\npassword: s3cret\n',
      });
      expect(res.statusCode, res.body).toBe(202);
      const taskId = json<{ task: Task }>(res).task.id;
      const queued = await h.deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
      expect(queued.secretInputEnc).not.toBeNull();
      expect((await waitForTask(owner, taskId)).status).toBe('succeeded');
      const done = await h.deps.db.task.findUniqueOrThrow({ where: { id: taskId } });
      expect(done.secretInputEnc).toBeNull();
    } finally {
      await worker.close();
      worker = null;
    }
  });
});
