/**
 * The portal bench of issue M1.4 (`npm run bench -- portal`):
 * 1. N concurrent server creates through the whole path — REST API → task → worker process →
 *    SSH tunnel → agent → simulated Nova (0 s boot delay) — timed until every server is ACTIVE,
 *    against the same N creates sent straight to the simulator's Nova (no portal, no tunnel):
 *    the difference per server is the portal's overhead per operation;
 * 2. the server list API: pages of 50 out of 10,000 mirrored rows, 50 concurrent clients,
 *    p50/p99 latency and requests per second.
 *
 *   npm run bench -- portal [--creates 500] [--rows 10000] [--clients 50] [--seconds 10]
 *                           [--concurrency 20]   (worker task concurrency)
 *                           [--only list|create] [--json]
 *
 * The list half runs against a bare Fastify + pg endpoint with the same SQL in the same run
 * (bench/portal/list-bench.ts) and prints the ratio.
 *
 * Not a test: numbers depend on the machine.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import {
  providerForDatacenter,
  scopeForProject,
  createDepartment,
  createProject,
} from '@yunguan/portal-api/bench';
import type { Bench } from './bench';
import { benchList } from './portal/list-bench';
import { startPortalStack, type PortalStack } from './portal/portal-stack';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** The simulator's own APIs with an admin token (what an operator in the datacenter sees). */
const simClient = async (url: string) => {
  const auth = await fetch(`${url}/identity/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'admin' } },
        },
        scope: { project: { name: 'admin', domain: { name: 'Default' } } },
      },
    }),
  });
  const token = auth.headers.get('x-subject-token')!;
  const adminProjectId = ((await auth.json()) as { token: { project: { id: string } } }).token
    .project.id;
  const request = async <T>(method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        'x-auth-token': token,
        'openstack-api-version': 'compute 2.79',
        'content-type': 'application/json',
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`sim ${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  };
  return { request, adminProjectId };
};
type Sim = Awaited<ReturnType<typeof simClient>>;

const unlimit = async (sim: Sim, projectId: string) => {
  await sim.request('PUT', `/compute/v2.1/os-quota-sets/${projectId}`, {
    quota_set: { instances: -1, cores: -1, ram: -1 },
  });
  await sim.request('PUT', `/network/v2.0/quotas/${projectId}`, { quota: { port: -1 } });
};

const countActive = async (sim: Sim, projectId: string) => {
  const { servers } = await sim.request<{ servers: { status: string }[] }>(
    'GET',
    `/compute/v2.1/servers/detail?all_tenants=1&project_id=${projectId}&limit=100000`,
  );
  return servers.filter((s) => s.status === 'ACTIVE').length;
};

const benchDirect = async (sim: Sim, n: number, networkId: string, imageId: string) => {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      sim.request('POST', '/compute/v2.1/servers', {
        server: {
          name: `direct-${i}`,
          flavorRef: '1',
          imageRef: imageId,
          networks: [{ uuid: networkId }],
        },
      }),
    ),
  );
  while ((await countActive(sim, sim.adminProjectId)) < n) await sleep(50);
  return performance.now() - start;
};

const benchPortal = async (
  stack: PortalStack,
  projectId: string,
  n: number,
  networkId: string,
  imageId: string,
) => {
  const accept: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const t = performance.now();
      const res = await fetch(`${stack.apiUrl}/api/v1/projects/${projectId}/servers`, {
        method: 'POST',
        headers: {
          ...stack.auth,
          'content-type': 'application/json',
          'idempotency-key': `bench-${randomUUID()}`,
        },
        body: JSON.stringify({
          datacenterId: stack.datacenterId,
          name: `portal-${i}`,
          flavorId: '1',
          imageId,
          networkIds: [networkId],
        }),
      });
      if (res.status !== 202) throw new Error(`create ${i}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      accept.push(performance.now() - t);
    }),
  );
  const accepted = performance.now() - start;
  for (;;) {
    const open = await stack.deps.db.task.count({
      where: { projectId, status: { in: ['queued', 'running'] } },
    });
    if (open === 0) break;
    await sleep(50);
  }
  const total = performance.now() - start;
  const tasks = await stack.deps.db.task.findMany({ where: { projectId } });
  const failed = tasks.filter((t) => t.status !== 'succeeded');
  const ran = tasks.filter((t) => t.startedAt && t.finishedAt);
  const wait = ran.map((t) => t.startedAt!.getTime() - t.createdAt.getTime());
  const run = ran.map((t) => t.finishedAt!.getTime() - t.startedAt!.getTime());
  return {
    accept,
    accepted,
    total,
    wait,
    run,
    failed: failed.length,
    failure: failed[0]?.errorMessage ?? null,
  };
};

const run = async (args: string[]) => {
  const { values } = parseArgs({
    args,
    options: {
      creates: { type: 'string', default: '500' },
      rows: { type: 'string', default: '10000' },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '20' },
      only: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const only = values.only;
  if (only !== undefined && only !== 'list' && only !== 'create')
    throw new Error(`--only takes list or create, not ${only}`);
  const n = Number(values.creates);
  const report: Record<string, unknown> = {
    bench: 'portal',
    at: new Date().toISOString(),
    loadavg: os.loadavg(),
    cpus: os.cpus().length,
  };
  const say = (line: string) => {
    if (!values.json) console.log(line);
  };
  say(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  say(
    only === 'list'
      ? 'starting PostgreSQL, Redis and portal-api…'
      : 'starting PostgreSQL, Redis, portal-api, worker, tunnel-gateway and a sim agent…',
  );
  const stack = await startPortalStack({
    workerConcurrency: Number(values.concurrency),
    apiOnly: only === 'list',
  });
  try {
    const ctx = stack.adminCtx;
    const department = await createDepartment(ctx, { name: 'bench', description: '' });
    if (only !== 'list') {
      const project = await createProject(ctx, {
        name: 'create',
        description: '',
        departmentId: department.id,
      });
      const sim = await simClient(stack.simUrl);
      const deps = { db: stack.deps.db, config: stack.deps.config };
      const { provider } = await providerForDatacenter(deps, stack.datacenterId);
      const scope = await scopeForProject(deps, provider, stack.datacenterId, project.id);
      await unlimit(sim, scope.projectExternalId);
      await unlimit(sim, sim.adminProjectId);
      const { network } = await sim.request<{ network: { id: string } }>(
        'POST',
        '/network/v2.0/networks',
        { network: { name: 'bench-shared', shared: true } },
      );
      await sim.request('POST', '/network/v2.0/subnets', {
        subnet: { network_id: network.id, ip_version: 4, cidr: '10.128.0.0/12', name: 'bench' },
      });
      const { images } = await sim.request<{ images: { id: string; name: string }[] }>(
        'GET',
        '/image/v2/images',
      );
      const imageId = images.find((i) => i.name.startsWith('cirros'))!.id;

      const direct = await benchDirect(sim, n, network.id, imageId);
      say(`direct to the sim's Nova: ${n} creates → all ACTIVE in ${ms(direct)}`);
      const portal = await benchPortal(stack, project.id, n, network.id, imageId);
      const overhead = (portal.total - direct) / n;
      if (portal.failed > 0)
        say(
          `  ${portal.failed} of ${n} tasks did not succeed (the ACTIVE figures below are not valid): ${portal.failure}`,
        );
      say(
        `through the portal (API → task → worker ×${values.concurrency} → tunnel → sim): all ${n} accepted in ${ms(portal.accepted)} (${((n / portal.accepted) * 1000).toFixed(0)}/s; goal ≤ 1500 ms), all ACTIVE in ${ms(portal.total)} (goal ≤ 15000 ms) = ${(portal.total / direct).toFixed(2)}x direct`,
      );
      say(
        `  API accept p50 ${ms(pct(portal.accept, 50))} p99 ${ms(pct(portal.accept, 99))}; queue wait p50 ${ms(pct(portal.wait, 50))}; task run p50 ${ms(pct(portal.run, 50))} p99 ${ms(pct(portal.run, 99))}`,
      );
      say(
        `  portal overhead per op (amortised): ${ms(overhead)} (goal ≤ 20 ms); ${((n / portal.total) * 1000).toFixed(1)} creates/s end to end`,
      );
      report.create = {
        creates: n,
        workerConcurrency: Number(values.concurrency),
        directAllActiveMs: direct,
        acceptedMs: portal.accepted,
        allActiveMs: portal.total,
        allActiveVsDirect: portal.total / direct,
        acceptP50Ms: pct(portal.accept, 50),
        acceptP99Ms: pct(portal.accept, 99),
        queueWaitP50Ms: pct(portal.wait, 50),
        runP50Ms: pct(portal.run, 50),
        runP99Ms: pct(portal.run, 99),
        overheadPerOpMs: overhead,
        failedTasks: portal.failed,
        firstFailure: portal.failure,
      };
    }
    if (only !== 'create') {
      const listed = await createProject(ctx, {
        name: 'list',
        description: '',
        departmentId: department.id,
      });
      const list = await benchList(stack, listed.id, {
        rows: Number(values.rows),
        clients: Number(values.clients),
        seconds: Number(values.seconds),
        poolSize: stack.poolSize,
      });
      say(
        `server list (50 of ${values.rows} mirrored rows, ${values.clients} clients, ${values.seconds} s, best of 2 alternating runs):`,
      );
      say(
        `  portal p50 ${ms(list.portal.p50)} p99 ${ms(list.portal.p99)}, ${list.portal.rps.toFixed(0)} req/s (goal ≥ 1000 req/s, p99 ≤ 100 ms)`,
      );
      say(
        `  bare Fastify + pg, same SQL: p50 ${ms(list.bare.p50)} p99 ${ms(list.bare.p99)}, ${list.bare.rps.toFixed(0)} req/s`,
      );
      say(`  ratio portal / bare: ${list.ratio.toFixed(2)}x (goal ≥ 0.5x)`);
      if (list.portal.errors + list.bare.errors > 0)
        say(
          `  errors or timeouts (best runs): portal ${list.portal.errors}, bare ${list.bare.errors}`,
        );
      report.list = { rows: Number(values.rows), clients: Number(values.clients), ...list };
    }
    report.loadavgAfter = os.loadavg();
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else
      say(
        `load average after: ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
      );
  } finally {
    await stack.stop();
  }
};

export const portalBench: Bench = {
  name: 'portal',
  summary: 'N creates portal → tunnel → sim vs direct (overhead/op); server list p50/p99/rps',
  run,
};
