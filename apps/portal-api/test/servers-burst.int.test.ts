import type { Task } from '@yunguan/contract';
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

/**
 * M1.7 (ADR 0120): a burst of creates in one project shares quota transactions (group commit)
 * and is still exactly as strict as one-by-one; what the accept path checked from its caches
 * is checked again by the cloud when the worker runs.
 */
let h: Harness;
let dc: SimDatacenter;
let org: Organisation;
let sim: SimTargets;
let owner: Session;

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  org = await createOrganisation(h.adminCtx, 'burst');
  sim = await prepareSimProject(h, dc, org.project.id);
  await prepareSimProject(h, dc, org.otherProject.id);
  owner = await h.login(org.deptAdmin.username);
}, 120_000);
afterAll(async () => {
  await dc?.stop();
  await h?.close();
});

const create = (projectId: string, name: string, extra: Record<string, string> = {}) =>
  owner.request(
    'POST',
    `/api/v1/projects/${projectId}/servers`,
    {
      datacenterId: dc.id,
      name,
      flavorId: '1',
      imageId: sim.imageId,
      networkIds: [sim.networkId],
    },
    extra,
  );

describe('a burst of creates in one project', () => {
  test('twelve at once against an instances quota of 5: exactly five accepted, seven refused in words', async () => {
    const quota = await h.admin.post('/api/v1/quotas', {
      scope: 'project',
      projectId: org.project.id,
      resource: 'instances',
      limit: 5,
    });
    expect(quota.statusCode, quota.body).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => create(org.project.id, `q-${i}`)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([...Array<number>(5).fill(202), ...Array<number>(7).fill(422)]);
    for (const r of results.filter((x) => x.statusCode === 422)) {
      const body = json<{ error: { code: string; details: { params: Record<string, unknown> } } }>(
        r,
      );
      expect(body.error.code).toBe('QUOTA_EXCEEDED');
      expect(body.error.details.params).toMatchObject({ resource: 'instances', limit: 5, used: 5 });
    }
    expect(
      await h.deps.db.task.count({ where: { projectId: org.project.id, action: 'server.create' } }),
    ).toBe(5);
    expect(
      await h.deps.db.auditLog.count({
        where: { projectId: org.project.id, action: 'server.create', result: 'success' },
      }),
    ).toBe(5);
  });

  test('one request that breaks the shared transaction (a reused key) fails alone; the others are accepted', async () => {
    const key = `burst-key-${Date.now()}`;
    const results = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => create(org.otherProject.id, `k-${i}`)),
      create(org.otherProject.id, 'k-first', { 'idempotency-key': key }),
      create(org.otherProject.id, 'k-other-body', { 'idempotency-key': key }),
    ]);
    const plain = results.slice(0, 6);
    expect(plain.map((r) => r.statusCode)).toEqual(Array(6).fill(202));
    const keyed = results
      .slice(6)
      .map((r) => r.statusCode)
      .sort();
    expect(keyed).toEqual([202, 409]);
    expect(await h.deps.db.task.count({ where: { projectId: org.otherProject.id } })).toBe(7);
  });
});

describe('checked again by the cloud when the worker runs', () => {
  let worker: Worker | undefined;
  afterAll(async () => {
    await worker?.close();
  });

  test('an image deleted after the create was accepted fails the task with the reason', async () => {
    // Accepted against what the portal knows (no worker yet: the task waits in the queue).
    const accepted = await create(org.otherProject.id, 'image-gone');
    expect(accepted.statusCode, accepted.body).toBe(202);
    const task = json<{ task: Task }>(accepted).task;
    // The last test of this file: its simulated datacenter is its own.
    const deleted = await dc.cloud.request('DELETE', `/image/v2/images/${sim.imageId}`);
    expect(deleted.status).toBe(204);
    worker = await startInProcessTaskWorker(h);
    const done = await waitForTask(owner, task.id, 30_000);
    expect(done.status).toBe('failed');
    expect(done.error?.message ?? '').toMatch(/image/i);
  });
});
