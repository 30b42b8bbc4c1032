import path from 'node:path';
import type { Task } from '@yunguan/contract';
import { startChild, type Child } from '@yunguan/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness } from './harness';
import {
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';
import { prepareSimProject, type SimTargets } from './task-fixtures';

/**
 * THE KILL TEST: a real worker process is SIGKILLed while 50 creates are in flight; a new
 * worker finishes them. Exactly 50 servers exist in the cloud and 50 tasks succeeded — no ghost,
 * no duplicate (the create is found again by its idempotency token, or followed by its stored
 * operation handle).
 */
let h: Harness;
let dc: SimDatacenter;
let org: Organisation;
let sim: SimTargets;
const workers: Child[] = [];
const workerLog: string[] = [];

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  dc = await startSimDatacenterForPortal(h, { delays: { buildMs: 2_500, actionMs: 50 } });
  org = await createOrganisation(h.adminCtx, 'kill');
  sim = await prepareSimProject(h, dc, org.project.id);
}, 120_000);
afterAll(async () => {
  for (const w of workers) await w.stop();
  await dc?.stop();
  await h?.close();
});

const startWorkerProcess = (): Child => {
  const env = h.deps.env;
  const child = startChild(
    `worker-${workers.length + 1}`,
    process.execPath,
    ['--import', 'tsx', 'src/worker.ts'],
    {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: env.DATABASE_URL,
        REDIS_URL: env.REDIS_URL,
        YUNGUAN_SECRET_KEY: env.YUNGUAN_SECRET_KEY,
        REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX,
        TUNNEL_PORT_RANGE: `${env.TUNNEL_PORT_RANGE.first}-${env.TUNNEL_PORT_RANGE.last}`,
        TASK_FOLLOW_INTERVAL_MS: '250',
        TASK_LOCK_MS: '4000',
        TASK_STALE_AFTER_MS: '5000',
        TASK_RECONCILE_EVERY_MS: '2000',
        TASK_CONCURRENCY: '20',
      },
      quiet: true,
      onLine: (line) => workerLog.push(line),
    },
  );
  workers.push(child);
  return child;
};

const countTasks = async () => {
  const rows = await h.deps.db.task.groupBy({
    by: ['status'],
    where: { projectId: org.project.id },
    _count: true,
  });
  return Object.fromEntries(rows.map((r) => [r.status, r._count])) as Record<string, number>;
};

const waitUntil = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(
        `${what}: timed out; tasks ${JSON.stringify(await countTasks())}\n${workerLog.slice(-20).join('\n')}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
};

test('SIGKILL the worker during 50 creates: a new worker ends with exactly 50 servers and 50 succeeded tasks', async () => {
  const owner = await h.login(org.member.username);
  const first = startWorkerProcess();
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      owner.request(
        'POST',
        `/api/v1/projects/${org.project.id}/servers`,
        {
          datacenterId: dc.id,
          name: `kill-${String(i + 1).padStart(2, '0')}`,
          flavorId: '1',
          imageId: sim.imageId,
          networkIds: [sim.networkId],
        },
        { 'idempotency-key': `kill-test-${i}-${org.project.id}` },
      ),
    ),
  );
  expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(202));
  const taskIds = responses.map((r) => json<{ task: Task }>(r).task.id);

  // Mid-way: some finished, many submitted and waiting on the cloud, some not started.
  await waitUntil(
    'first worker under way',
    async () => ((await countTasks()).succeeded ?? 0) >= 5,
    45_000,
  );
  const before = await countTasks();
  process.kill(-first.process.pid!, 'SIGKILL');
  await first.exited;
  expect(before.succeeded ?? 0).toBeLessThan(50);

  startWorkerProcess();
  await waitUntil(
    'all tasks finished',
    async () => {
      const c = await countTasks();
      return (c.queued ?? 0) + (c.running ?? 0) === 0;
    },
    60_000,
  );
  const after = await countTasks();
  expect(after).toEqual({ succeeded: 50 });
  const rows = await h.deps.db.task.findMany({ where: { id: { in: taskIds } } });
  expect(
    rows.filter((r) => r.attempts >= 2).length,
    'tasks resumed by the second worker',
  ).toBeGreaterThan(0);

  // Count in the cloud itself, through Nova's API (admin, all projects).
  const nova = await dc.cloud.request<{
    servers: { id: string; name: string; metadata: Record<string, string> }[];
  }>(
    'GET',
    `/compute/v2.1/servers/detail?all_tenants=1&project_id=${sim.cloudProjectId}&limit=1000`,
  );
  expect(nova.status).toBe(200);
  const servers = nova.body.servers;
  expect(servers).toHaveLength(50);
  expect(new Set(servers.map((s) => s.name)).size).toBe(50);
  expect(new Set(servers.map((s) => s.metadata.yunguan_task))).toEqual(new Set(taskIds));
  const mirrored = await h.deps.db.resource.count({
    where: { projectId: org.project.id, type: 'server', deletedAt: null, status: 'active' },
  });
  expect(mirrored).toBe(50);
}, 150_000);
