import type { Task } from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import { Queue, type Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServiceContext } from '../src/services/context';
import { createVolume } from '../src/services/storage/create-volume';
import { cancelHeldTask } from '../src/services/tasks/cancel-held-task';
import { releaseHeldTask } from '../src/services/tasks/release-held-task';
import { TASK_QUEUE } from '../src/services/tasks/task-runtime';
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
 * One task engine (ADR 0117): a task created held keeps its quota and frozen input, runs exactly
 * once when released (even when two releases race), never runs when cancelled (and frees its
 * quota), and the worker refuses a stored input that no longer matches the action's schema.
 * Real tunnel, real simulated datacenter, real BullMQ worker.
 */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let sim: SimTargets;
let worker: Worker;
let member: Session;
let held: ServiceContext;

type ErrorBody = { error: { details: { reason?: string; params?: Record<string, unknown> } } };

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'held');
  sim = await prepareSimProject(h, dc, a.project.id);
  await prepareSimProject(h, dc, a.otherProject.id);
  worker = await startInProcessTaskWorker(h);
  member = await h.login(a.member.username);
  held = { ...h.adminCtx, holdTasks: true };
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const setQuota = async (projectId: string, resource: string, limit: number) => {
  const res = await h.admin.post('/api/v1/quotas', {
    scope: 'project',
    projectId,
    resource,
    limit,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
};
let projectVolumesQuota = '';

const volumeBody = (name: string) => ({
  datacenterId: dc.id,
  name,
  sizeGb: 1,
  source: { type: 'empty' as const },
});

/** Volumes of that name in the cloud (the simulator), whatever the portal thinks. */
const cloudVolumesNamed = async (name: string) => {
  const res = await dc.cloud.request<{ volumes: { id: string; name: string }[] }>(
    'GET',
    `/volume/v3/${sim.cloudProjectId}/volumes?all_tenants=1&name=${name}`,
  );
  expect(res.status).toBe(200);
  return res.body.volumes.filter((v) => v.name === name);
};

const taskRow = (id: string) => h.deps.db.task.findUniqueOrThrow({ where: { id } });

const reasonOf = (error: unknown) =>
  error instanceof DomainError ? (error.details as { reason?: string }).reason : String(error);

describe('held tasks', () => {
  test('a held create keeps its quota; two racing releases run it exactly once', async () => {
    projectVolumesQuota = await setQuota(a.project.id, 'volumes', 1);
    const task = await createVolume(held, a.project.id, volumeBody('held-one'));
    expect(task.status).toBe('held');
    // Held: no job, the worker never touches it, the cloud has nothing.
    await new Promise((r) => setTimeout(r, 1_500));
    const still = await taskRow(task.id);
    expect(still.status).toBe('held');
    expect(still.attempts).toBe(0);
    expect(await cloudVolumesNamed('held-one')).toHaveLength(0);
    expect(still.quotaHeld).toEqual({ volumes: 1, volume_gb: 1 });
    // It holds the project's only volume: another create is refused on quota.
    const over = await member.post(`/api/v1/projects/${a.project.id}/volumes`, volumeBody('x'));
    expect(over.statusCode, over.body).toBe(422);
    expect(json<ErrorBody>(over).error.details.reason).toBe('quota_exceeded');

    const by = { id: null, name: 'approver' };
    const results = await Promise.allSettled([
      releaseHeldTask(h.adminCtx, task.id, by),
      releaseHeldTask(h.adminCtx, task.id, by),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(reasonOf((lost[0] as PromiseRejectedResult).reason)).toBe('task_not_held');

    const done = await waitForTask(member, task.id, 30_000);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect((await taskRow(task.id)).attempts).toBe(1);
    expect(await cloudVolumesNamed('held-one')).toHaveLength(1);
    const released = await h.deps.db.auditLog.findMany({
      where: { action: 'volume.create', detail: { path: ['phase'], equals: 'released' } },
    });
    expect(
      released.filter((r) => (r.detail as { taskId?: string }).taskId === task.id),
    ).toHaveLength(1);
    // Released once: a third release is refused too.
    await expect(releaseHeldTask(h.adminCtx, task.id, by)).rejects.toThrow(DomainError);
  });

  test('a held create that is cancelled frees its quota and never runs', async () => {
    await setQuota(a.otherProject.id, 'volumes', 1);
    const task = await createVolume(held, a.otherProject.id, volumeBody('held-two'));
    expect(task.status).toBe('held');
    const over = await h.admin.post(
      `/api/v1/projects/${a.otherProject.id}/volumes`,
      volumeBody('after-cancel'),
    );
    expect(json<ErrorBody>(over).error.details.reason).toBe('quota_exceeded');

    const cancelled = await cancelHeldTask(h.adminCtx, task.id, {
      id: null,
      name: 'approver',
      reason: 'rejected',
    });
    expect(cancelled.status).toBe('cancelled');
    // The quota is free at once.
    const now = await h.admin.post(
      `/api/v1/projects/${a.otherProject.id}/volumes`,
      volumeBody('after-cancel'),
    );
    expect(now.statusCode, now.body).toBe(202);
    const next = await waitForTask(h.admin, json<{ task: Task }>(now).task.id, 30_000);
    expect(next.status).toBe('succeeded');
    // Never run, never runnable again.
    await expect(
      releaseHeldTask(h.adminCtx, task.id, { id: null, name: 'approver' }),
    ).rejects.toThrow(DomainError);
    await new Promise((r) => setTimeout(r, 1_000));
    const row = await taskRow(task.id);
    expect(row.status).toBe('cancelled');
    expect(row.attempts).toBe(0);
    expect(await cloudVolumesNamed('held-two')).toHaveLength(0);
  });

  test('the worker refuses a stored input that no longer matches its schema', async () => {
    const raised = await h.admin.patch(`/api/v1/quotas/${projectVolumesQuota}`, { limit: 10 });
    expect(raised.statusCode, raised.body).toBe(200);
    const task = await createVolume(held, a.project.id, volumeBody('tampered'));
    // Written by an older version, or by hand: the size is no longer a number.
    await h.deps.db.task.update({
      where: { id: task.id },
      data: { input: { name: 'tampered', sizeGb: 'ten', source: { type: 'empty' } } },
    });
    await releaseHeldTask(h.adminCtx, task.id, { id: null, name: 'approver' });
    const done = await waitForTask(member, task.id, 30_000);
    expect(done.status).toBe('failed');
    expect(done.error?.reason).toBe('task_input_invalid');
    expect(done.error?.message).toContain('sizeGb');
    expect(await cloudVolumesNamed('tampered')).toHaveLength(0);
  });
});

describe('one queue path and one job shape', () => {
  test('server create, action and delete run as the same task.run job as a volume', async () => {
    const queue = new Queue(TASK_QUEUE, {
      connection: h.deps.config.tasks.connection,
      prefix: h.deps.config.tasks.bullPrefix,
    });
    try {
      const boot = await member.post(`/api/v1/projects/${a.project.id}/servers`, {
        datacenterId: dc.id,
        name: 'one-engine',
        flavorId: '1',
        imageId: sim.imageId,
        networkIds: [sim.networkId],
      });
      expect(boot.statusCode, boot.body).toBe(202);
      const created = await waitForTask(member, json<{ task: Task }>(boot).task.id, 30_000);
      expect(created.status).toBe('succeeded');
      const stop = await member.post(`/api/v1/servers/${created.resourceId}/actions`, {
        action: 'stop',
      });
      expect(stop.statusCode, stop.body).toBe(202);
      const stopped = await waitForTask(member, json<{ task: Task }>(stop).task.id, 30_000);
      expect(stopped.status).toBe('succeeded');
      const del = await member.delete(`/api/v1/servers/${created.resourceId}`);
      expect(del.statusCode, del.body).toBe(202);
      const deleted = await waitForTask(member, json<{ task: Task }>(del).task.id, 30_000);
      expect(deleted.status).toBe('succeeded');
      const vol = await member.post(`/api/v1/projects/${a.project.id}/volumes`, volumeBody('v'));
      const volume = await waitForTask(member, json<{ task: Task }>(vol).task.id, 30_000);
      for (const t of [created, stopped, deleted, volume]) {
        const job = await queue.getJob(t.id);
        expect(job?.name, t.action).toBe('task.run');
        expect(job?.data).toEqual({ taskId: t.id });
      }
    } finally {
      await queue.close();
    }
  });
});
