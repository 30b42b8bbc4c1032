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
 *
 * Not a test: numbers depend on the machine.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  providerForDatacenter,
  scopeForProject,
  createDepartment,
  createProject,
} from '@yunguan/portal-api/bench';
import type { Bench } from './bench';
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
  if (failed.length > 0)
    throw new Error(`${failed.length} tasks did not succeed: ${failed[0]?.errorMessage}`);
  const wait = tasks.map((t) => t.startedAt!.getTime() - t.createdAt.getTime());
  const run = tasks.map((t) => t.finishedAt!.getTime() - t.startedAt!.getTime());
  return { accept, accepted, total, wait, run };
};

const benchList = async (
  stack: PortalStack,
  projectId: string,
  rows: number,
  clients: number,
  seconds: number,
) => {
  const now = new Date();
  for (let i = 0; i < rows; i += 1000) {
    await stack.deps.db.resource.createMany({
      data: Array.from({ length: Math.min(1000, rows - i) }, (_, j) => ({
        id: randomUUID(),
        datacenterId: stack.datacenterId,
        type: 'server',
        externalId: randomUUID(),
        projectId,
        projectExternalId: 'bench',
        name: `mirror-${String(i + j).padStart(5, '0')}`,
        status: (i + j) % 7 === 0 ? 'stopped' : 'active',
        spec: {
          flavor: { externalId: '1', name: 'm1.tiny', vcpus: 1, ramMb: 512, diskGb: 1 },
          locked: false,
        },
        firstSeenAt: now,
        lastSeenAt: now,
      })),
    });
  }
  const pages = Math.ceil(rows / 50);
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const page = 1 + Math.floor(Math.random() * pages);
        const t = performance.now();
        const res = await fetch(
          `${stack.apiUrl}/api/v1/projects/${projectId}/servers?pageSize=50&page=${page}&sort=name`,
          { headers: stack.auth },
        );
        const body = (await res.json()) as { items: unknown[] };
        if (res.status !== 200 || body.items.length === 0) throw new Error(`list: ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, rps: latencies.length / ((performance.now() - start) / 1000) };
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
    },
  });
  const n = Number(values.creates);
  console.log(`starting PostgreSQL, Redis, portal-api, worker, tunnel-gateway and a sim agent…`);
  const stack = await startPortalStack({ workerConcurrency: Number(values.concurrency) });
  try {
    const ctx = stack.adminCtx;
    const department = await createDepartment(ctx, { name: 'bench', description: '' });
    const project = await createProject(ctx, {
      name: 'create',
      description: '',
      departmentId: department.id,
    });
    const listed = await createProject(ctx, {
      name: 'list',
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
      {
        network: { name: 'bench-shared', shared: true },
      },
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
    console.log(`direct to the sim's Nova: ${n} creates → all ACTIVE in ${ms(direct)}`);
    const portal = await benchPortal(stack, project.id, n, network.id, imageId);
    console.log(
      `through the portal (API → task → worker ×${values.concurrency} → tunnel → sim): all ${n} accepted in ${ms(portal.accepted)}, all ACTIVE in ${ms(portal.total)}`,
    );
    console.log(
      `  API accept p50 ${ms(pct(portal.accept, 50))} p99 ${ms(pct(portal.accept, 99))}; queue wait p50 ${ms(pct(portal.wait, 50))}; task run p50 ${ms(pct(portal.run, 50))} p99 ${ms(pct(portal.run, 99))}`,
    );
    console.log(
      `  portal overhead per op (amortised): ${ms((portal.total - direct) / n)}; ${((n / portal.total) * 1000).toFixed(1)} creates/s end to end`,
    );
    const list = await benchList(
      stack,
      listed.id,
      Number(values.rows),
      Number(values.clients),
      Number(values.seconds),
    );
    console.log(
      `server list (50 of ${values.rows} mirrored rows, ${values.clients} clients, ${values.seconds} s): p50 ${ms(pct(list.latencies, 50))} p99 ${ms(pct(list.latencies, 99))}, ${list.rps.toFixed(0)} req/s`,
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
