import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MetricsResponse, MonitoringSummary, Task } from '@yunguan/contract';
import { freePort, startInfluxd, type RunningInfluxd } from '@yunguan/testing';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../src/services/users/create-user';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, PASSWORD, type Harness, type Session } from './harness';
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
 * Charts and the monitoring summary through the whole read path: portal → real tunnel-gateway
 * → real agent (sim mode, relaying the simulator's series) → real InfluxDB 1.6.7.
 */
let dir: string;
let influx: RunningInfluxd;
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let simA: SimTargets;
let worker: Worker;
let owner: Session;
let intruder: Session;
let serverId: string;

type ErrorBody = {
  error: {
    code: string;
    message: string;
    details: { issues?: { path: string; message: string }[] };
  };
};

const waitFor = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yg-mon-'));
  influx = await startInfluxd({ dataDir: path.join(dir, 'influx'), port: await freePort() });
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h, { influxUrl: influx.url, metricsIntervalMs: 1_000 });
  a = await createOrganisation(h.adminCtx, 'mon');
  b = await createOrganisation(h.adminCtx, 'mob');
  simA = await prepareSimProject(h, dc, a.project.id);
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  const bMember = await createUser(h.adminCtx, {
    username: `mob-m2-${Date.now()}`,
    password: PASSWORD,
    departmentId: b.department.id,
    roles: [{ role: 'member', scope: 'project', projectId: b.project.id }],
  });
  intruder = await h.login(bMember.username);
  const res = await owner.post(`/api/v1/projects/${a.project.id}/servers`, {
    datacenterId: dc.id,
    name: 'charted',
    flavorId: '1',
    imageId: simA.imageId,
    networkIds: [simA.networkId],
  });
  expect(res.statusCode, res.body).toBe(202);
  const task = await waitForTask(owner, json<{ task: Task }>(res).task.id);
  expect(task.status).toBe('succeeded');
  serverId = task.resourceId!;
}, 180_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
  await influx?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('charts through the tunnel', () => {
  test("a project member reads their server's CPU and network series", async () => {
    const body = await waitFor(
      'the server series',
      async () => {
        const res = await owner.get(
          `/api/v1/servers/${serverId}/metrics?range=1h&metrics=cpu,net_in`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const m = json<MetricsResponse>(res);
        const cpu = m.series.find((s) => s.metric === 'cpu');
        const net = m.series.find((s) => s.metric === 'net_in');
        const has = (s: typeof cpu) => (s?.points ?? []).some(([, v]) => v !== null);
        return has(cpu) && has(net) ? m : null;
        // A rate needs two 30 s intervals with points: up to a minute after the server starts.
      },
      120_000,
    );
    expect(body).toMatchObject({ range: '1h', retentionPolicy: 'raw', intervalSeconds: 30 });
    const cpu = body.series.find((s) => s.metric === 'cpu')!;
    expect(cpu.unit).toBe('percent');
    for (const [, v] of cpu.points) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
    expect(body.series.find((s) => s.metric === 'net_in')?.label).toMatch(/^tap/);
  }, 150_000);

  test('30 days read the 5-minute means (m5)', async () => {
    const res = await owner.get(`/api/v1/servers/${serverId}/metrics?range=30d&metrics=memory`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<MetricsResponse>(res)).toMatchObject({
      retentionPolicy: 'm5',
      intervalSeconds: 7200,
    });
  });

  test("another project's member gets 404 for the server's metrics, as for the server", async () => {
    const res = await intruder.get(`/api/v1/servers/${serverId}/metrics`);
    expect(res.statusCode, res.body).toBe(404);
    expect((await intruder.get(`/api/v1/servers/${serverId}`)).statusCode).toBe(404);
  });

  test('an unknown metric is refused with 400 naming the allowed metrics', async () => {
    const res = await owner.get(`/api/v1/servers/${serverId}/metrics?metrics=cpu,temperature`);
    expect(res.statusCode, res.body).toBe(400);
    const issue = json<ErrorBody>(res).error.details.issues?.[0];
    expect(issue?.path).toBe('query.metrics.1');
    for (const allowed of ['cpu', 'memory', 'disk', 'disk_read', 'disk_write', 'net_in', 'net_out'])
      expect(issue?.message).toContain(`"${allowed}"`);
    const zh = await owner.request(
      'GET',
      `/api/v1/servers/${serverId}/metrics?range=2h`,
      undefined,
      {
        'accept-language': 'zh-CN',
      },
    );
    expect(zh.statusCode).toBe(400);
    expect(json<ErrorBody>(zh).error.details.issues?.[0]?.message).toMatch(/无效/);
  });

  test('a host name that tries InfluxQL injection is refused at the boundary', async () => {
    const res = await h.admin.get(
      `/api/v1/datacenters/${dc.id}/monitoring/hypervisors/${encodeURIComponent("x' OR 1=1 --")}/metrics`,
    );
    expect(res.statusCode, res.body).toBe(400);
  });

  test('hypervisor charts are for platform admins; a member is refused', async () => {
    const summary = await waitFor('hosts in the summary', async () => {
      const res = await h.admin.get(`/api/v1/datacenters/${dc.id}/monitoring/summary`);
      expect(res.statusCode, res.body).toBe(200);
      const s = json<MonitoringSummary>(res);
      return s.hosts.some((x) => x.role === 'hypervisor') ? s : null;
    });
    const host = summary.hosts.find((x) => x.role === 'hypervisor')!.host;
    const res = await h.admin.get(
      `/api/v1/datacenters/${dc.id}/monitoring/hypervisors/${host}/metrics?range=6h&metrics=cpu,memory`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(
      json<MetricsResponse>(res)
        .series.map((s) => s.metric)
        .sort(),
    ).toEqual(['cpu', 'memory']);
    const denied = await owner.get(
      `/api/v1/datacenters/${dc.id}/monitoring/hypervisors/${host}/metrics`,
    );
    expect([403, 404]).toContain(denied.statusCode);
  });

  test('the summary shows hosts, Ceph, health checks, NIC links and the tunnel', async () => {
    const s = await waitFor('a full summary', async () => {
      const res = await h.admin.get(`/api/v1/datacenters/${dc.id}/monitoring/summary`);
      const body = json<MonitoringSummary>(res);
      const cephChecked = body.healthChecks.some((c) => c.target === 'ceph');
      return body.ceph && cephChecked && body.nics.length > 0 ? body : null;
    });
    expect(s.tunnel).toBe('online');
    expect(s.data).toBe('ok');
    expect(s.ceph?.health).toBe('HEALTH_OK');
    expect(s.ceph?.osds).toEqual({ total: 9, up: 9, in: 9 });
    expect(s.ceph?.pools.map((p) => p.name).sort()).toEqual([
      'backups',
      'images',
      'vms',
      'volumes',
    ]);
    expect(s.ceph?.pgs.total).toBe(512);
    expect(s.healthChecks.filter((c) => c.check === 'cluster').map((c) => c.target)).toEqual(
      expect.arrayContaining(['compute', 'identity', 'tunnel', 'ceph']),
    );
    expect(s.healthChecks.find((c) => c.target === 'ceph')).toMatchObject({
      ok: true,
      message: 'HEALTH_OK',
    });
    expect(s.healthChecks.find((c) => c.target === 'tunnel')?.ok).toBe(true);
    expect(s.hosts.find((x) => x.role === 'agent')).toBeDefined();
  });
});
