import type { SubnetDto } from '@yunguan/cloud-core';
import type { LoadBalancerItem, Task } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { providerForDatacenter } from '../src/cloud/provider-for-datacenter';
import { scopeForProject } from '../src/cloud/scope-for-project';
import { applyResourceObservation } from '../src/services/resources/apply-resource-observation';
import { observationOf } from '../src/services/resources/observation-of';
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
import { networkOf } from '../src/cloud/sub-port';

/** Load balancers (Octavia in the sim) through the real tunnel, with a real worker. */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let sim: SimTargets;
let worker: Worker;
let owner: Session;
let outsider: Session;
let subnet: SubnetDto;
let subnetMirrorId: string;
let otherSubnet: SubnetDto;
let otherSubnetMirrorId: string;
let unmirroredSubnet: SubnetDto;
let serverId: string;

type ErrorBody = {
  error: {
    code: string;
    message: string;
    details: { reason?: string; params?: Record<string, unknown>; issues?: { path: string }[] };
  };
};
type Res = { statusCode: number; body: string };

/** A subnet of the project's own network, made in the cloud and (unless told) mirrored. */
const projectSubnet = async (projectId: string, cidr: string, mirror = true) => {
  const deps = { db: h.deps.db, config: h.deps.config };
  const { provider } = await providerForDatacenter(deps, dc.id);
  const scope = await scopeForProject(deps, provider, dc.id, projectId);
  const network = await networkOf(provider).createNetwork(scope, { name: `lb-net-${cidr}` });
  const made = await networkOf(provider).createSubnet(scope, {
    networkExternalId: network.externalId,
    name: `lb-subnet-${cidr}`,
    cidr,
    ipVersion: 4,
    enableDhcp: true,
  });
  const mirrorId = mirror
    ? await applyResourceObservation(deps, dc.id, observationOf('subnet', made))
    : '';
  return { subnet: made, mirrorId };
};

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'lba');
  b = await createOrganisation(h.adminCtx, 'lbb');
  sim = await prepareSimProject(h, dc, a.project.id);
  ({ subnet, mirrorId: subnetMirrorId } = await projectSubnet(a.project.id, '10.71.0.0/24'));
  ({ subnet: otherSubnet, mirrorId: otherSubnetMirrorId } = await projectSubnet(
    a.otherProject.id,
    '10.72.0.0/24',
  ));
  // Another tenant's subnet the portal has not mirrored: only the cloud knows whose it is.
  ({ subnet: unmirroredSubnet } = await projectSubnet(b.project.id, '10.73.0.0/24', false));
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  outsider = await h.login(b.deptAdmin.username);
  const created = await owner.post(`/api/v1/projects/${a.project.id}/servers`, {
    datacenterId: dc.id,
    name: 'backend',
    flavorId: '1',
    imageId: sim.imageId,
    networkIds: [sim.networkId],
  });
  if (created.statusCode !== 202) throw new Error(`server: ${created.body}`);
  const done = await waitForTask(owner, json<{ task: Task }>(created).task.id);
  if (done.status !== 'succeeded') throw new Error(`server: ${JSON.stringify(done.error)}`);
  serverId = done.resourceId!;
}, 180_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const base = `/api/v1/projects/${'{p}'}/load-balancers`;
const lbs = (projectId: string) => base.replace('{p}', projectId);
const errorOf = (res: Res) => json<ErrorBody>(res as never).error;

const accepted = async (res: Res) => {
  expect(res.statusCode, res.body).toBe(202);
  const done = await waitForTask(owner, json<{ task: Task }>(res as never).task.id);
  expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
  return done;
};

let lb: LoadBalancerItem;
const reload = async () => {
  const res = await owner.get(`/api/v1/load-balancers/${lb.id}`);
  expect(res.statusCode, res.body).toBe(200);
  lb = json<LoadBalancerItem>(res);
  return lb;
};
const act = (body: Record<string, unknown>, session: Session = owner) =>
  session.post(`/api/v1/load-balancers/${lb.id}/actions`, body);

describe('create', () => {
  test('a load balancer on the project subnet (mirror id) becomes ACTIVE/ONLINE through its task', async () => {
    const done = await accepted(
      await owner.post(lbs(a.project.id), {
        datacenterId: dc.id,
        name: 'web-lb',
        vipSubnetId: subnetMirrorId,
        vipAddress: '10.71.0.50',
      }),
    );
    expect(done.steps.map((s) => [s.key, s.status])).toEqual([
      ['submit', 'succeeded'],
      ['wait', 'succeeded'],
      ['record', 'succeeded'],
    ]);
    expect(done.steps.find((s) => s.key === 'wait')?.detail).toContain('provisioning ACTIVE');
    lb = json<LoadBalancerItem>(await owner.get(`/api/v1/load-balancers/${done.resourceId}`));
    expect(lb).toMatchObject({
      name: 'web-lb',
      status: 'ONLINE',
      projectId: a.project.id,
      spec: {
        provisioningStatus: 'ACTIVE',
        operatingStatus: 'ONLINE',
        vipAddress: '10.71.0.50',
        vipSubnetExternalId: subnet.externalId,
        listeners: [],
        pools: [],
      },
    });
  });

  test('refusals before any task: unknown or foreign subnet 404, address outside 400, quota 422', async () => {
    const before = await h.deps.db.task.count();
    const post = (projectId: string, extra: Record<string, unknown>) =>
      owner.post(lbs(projectId), { datacenterId: dc.id, name: 'x', ...extra });
    expect((await post(a.project.id, { vipSubnetId: 'no-such-subnet' })).statusCode).toBe(404);
    // The other project's subnet, by cloud id: not this project's.
    expect((await post(a.project.id, { vipSubnetId: otherSubnet.externalId })).statusCode).toBe(
      404,
    );
    const outside = await post(a.project.id, {
      vipSubnetId: subnet.externalId,
      vipAddress: '10.99.0.5',
    });
    expect(outside.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(outside).details.issues)).toContain('vipAddress');
    const quota = await h.admin.post('/api/v1/quotas', {
      scope: 'project',
      projectId: a.otherProject.id,
      resource: 'load_balancers',
      limit: 0,
    });
    expect(quota.statusCode, quota.body).toBe(201);
    const over = await h.admin.post(lbs(a.otherProject.id), {
      datacenterId: dc.id,
      name: 'over',
      vipSubnetId: otherSubnet.externalId,
    });
    expect(over.statusCode, over.body).toBe(422);
    expect(errorOf(over).details).toMatchObject({
      reason: 'quota_exceeded',
      params: { resource: 'load_balancers', limit: 0 },
    });
    expect(await h.deps.db.task.count()).toBe(before);
  });
});

describe('listeners, pools, members, health monitors', () => {
  test('a listener with a connection limit', async () => {
    const done = await accepted(
      await act({
        action: 'add-listener',
        name: 'http',
        protocol: 'HTTP',
        protocolPort: 80,
        connectionLimit: 5000,
      }),
    );
    expect(done.action).toBe('load-balancer.add-listener');
    await reload();
    expect(lb.spec.listeners).toEqual([
      expect.objectContaining({
        name: 'http',
        protocol: 'HTTP',
        protocolPort: 80,
        connectionLimit: 5000,
        provisioningStatus: 'ACTIVE',
        operatingStatus: 'ONLINE',
      }),
    ]);
  });

  test('a second listener on the same port is a 409; a bad connection limit a 400', async () => {
    const twin = await act({
      action: 'add-listener',
      name: 'dup',
      protocol: 'TCP',
      protocolPort: 80,
    });
    expect(twin.statusCode).toBe(409);
    expect(errorOf(twin).details.reason).toBe('listener_port_taken');
    const zero = await act({
      action: 'add-listener',
      name: 'z',
      protocol: 'TCP',
      protocolPort: 81,
      connectionLimit: 0,
    });
    expect(zero.statusCode).toBe(400);
  });

  test('a SOURCE_IP pool behind the listener; a UDP pool cannot serve an HTTP listener', async () => {
    const listenerId = lb.spec.listeners[0]!.externalId;
    const udp = await act({
      action: 'add-pool',
      name: 'udp',
      protocol: 'UDP',
      lbAlgorithm: 'ROUND_ROBIN',
      listenerId,
    });
    expect(udp.statusCode).toBe(400);
    expect(errorOf(udp).details.reason).toBe('pool_protocol_mismatch');
    await accepted(
      await act({
        action: 'add-pool',
        name: 'sticky',
        protocol: 'HTTP',
        lbAlgorithm: 'SOURCE_IP',
        listenerId,
      }),
    );
    await reload();
    expect(lb.spec.pools).toEqual([
      expect.objectContaining({
        name: 'sticky',
        lbAlgorithm: 'SOURCE_IP',
        listenerExternalIds: [listenerId],
      }),
    ]);
    // The cloud makes a pool created on a listener that listener's default pool.
    expect(lb.spec.listeners[0]!.defaultPoolExternalId).toBe(lb.spec.pools[0]!.externalId);
    const second = await act({
      action: 'add-pool',
      name: 'second',
      protocol: 'HTTP',
      lbAlgorithm: 'LEAST_CONNECTIONS',
      listenerId,
    });
    expect(second.statusCode).toBe(409);
    expect(errorOf(second).details.reason).toBe('listener_has_default_pool');
  });

  test("a member from a project server takes the server's fixed IP", async () => {
    const poolId = lb.spec.pools[0]!.externalId;
    const server = json<{ addresses: { ip: string; type: string }[] }>(
      await owner.get(`/api/v1/servers/${serverId}`),
    );
    const ip = server.addresses.find((x) => x.type === 'fixed')!.ip;
    await accepted(
      await act({ action: 'add-member', poolId, serverId, protocolPort: 8080, weight: 5 }),
    );
    await reload();
    expect(lb.spec.pools[0]!.members).toEqual([
      expect.objectContaining({ address: ip, protocolPort: 8080, weight: 5 }),
    ]);
    const again = await act({ action: 'add-member', poolId, address: ip, protocolPort: 8080 });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).details.reason).toBe('member_exists');
  });

  test("a member on a subnet that is not the project's is a 404 and nothing is queued", async () => {
    const poolId = lb.spec.pools[0]!.externalId;
    const before = await h.deps.db.task.count();
    for (const subnetId of [
      otherSubnetMirrorId, // another project's, by mirror id
      otherSubnet.externalId, // the same by its cloud id
      unmirroredSubnet.externalId, // another tenant's the mirror does not know
      'no-such-subnet',
    ]) {
      const res = await act({
        action: 'add-member',
        poolId,
        address: '10.72.0.9',
        subnetId,
        protocolPort: 80,
      });
      expect(res.statusCode, `${subnetId}: ${res.body}`).toBe(404);
      expect(errorOf(res).code).toBe('NOT_FOUND');
      const withServer = await act({
        action: 'add-member',
        poolId,
        serverId,
        subnetId,
        protocolPort: 80,
      });
      expect(withServer.statusCode, `${subnetId}: ${withServer.body}`).toBe(404);
    }
    expect(await h.deps.db.task.count()).toBe(before);
    const cloud = await dc.cloud.request<{ members: { address: string }[] }>(
      'GET',
      `/load-balancer/v2/lbaas/pools/${poolId}/members`,
    );
    expect(cloud.body.members.map((m) => m.address)).not.toContain('10.72.0.9');
  });

  test('a health monitor: timeout above delay is a 400; a valid one shows on the pool', async () => {
    const poolId = lb.spec.pools[0]!.externalId;
    const monitor = {
      action: 'add-health-monitor',
      poolId,
      type: 'HTTP',
      delaySeconds: 5,
      timeoutSeconds: 10,
      maxRetries: 3,
      urlPath: '/healthz',
    };
    const bad = await act(monitor);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(bad).details.issues)).toContain('timeoutSeconds');
    await accepted(await act({ ...monitor, timeoutSeconds: 3 }));
    await reload();
    expect(lb.spec.pools[0]!.healthMonitor).toMatchObject({
      type: 'HTTP',
      delaySeconds: 5,
      timeoutSeconds: 3,
      maxRetries: 3,
      urlPath: '/healthz',
      provisioningStatus: 'ACTIVE',
    });
  });

  test('one change at a time: while a task waits on the load balancer, another is a 409', async () => {
    await worker.pause();
    let first: Res;
    try {
      first = await act({
        action: 'add-listener',
        name: 'tls',
        protocol: 'TCP',
        protocolPort: 443,
      });
      expect(first.statusCode, first.body).toBe(202);
      const second = await act({
        action: 'remove-listener',
        listenerId: lb.spec.listeners[0]!.externalId,
      });
      expect(second.statusCode).toBe(409);
      expect(errorOf(second).code).toBe('CONFLICT');
      expect(errorOf(second).details?.reason).toBe('resource_busy');
      const zh = await owner.request(
        'POST',
        `/api/v1/load-balancers/${lb.id}/actions`,
        { action: 'add-listener', name: 'dup', protocol: 'HTTP', protocolPort: 80 },
        { 'accept-language': 'zh-CN' },
      );
      expect(zh.statusCode).toBe(409);
      expect(errorOf(zh).message).toContain('已有监听 HTTP 端口 80 的监听器');
    } finally {
      await worker.resume();
    }
    const done = await waitForTask(owner, json<{ task: Task }>(first as never).task.id);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    await accepted(
      await act({
        action: 'remove-listener',
        listenerId: (await reload()).spec.listeners.find((l) => l.protocolPort === 443)!.externalId,
      }),
    );
    expect((await reload()).spec.listeners.map((l) => l.protocolPort)).toEqual([80]);
  });

  test('a retry (same Idempotency-Key) after the change succeeded gets its task back, not a 409', async () => {
    const url = `/api/v1/load-balancers/${lb.id}/actions`;
    const body = { action: 'add-listener', name: 'alt', protocol: 'TCP', protocolPort: 8443 };
    const key = { 'idempotency-key': 'lb-add-listener-8443' };
    const first = await owner.request('POST', url, body, key);
    await accepted(first);
    const taskId = json<{ task: Task }>(first).task.id;
    // The port is taken now; the retry is the same request, so it answers with the same task.
    const again = await owner.request('POST', url, body, key);
    expect(again.statusCode, again.body).toBe(202);
    expect(json<{ task: Task }>(again).task.id).toBe(taskId);
    // The key on another action is refused.
    const other = await owner.request('POST', url, { action: 'remove-pool', poolId: 'x' }, key);
    expect(other.statusCode).toBe(409);
    expect(errorOf(other).details.reason).toBe('idempotency_key_reused');
    // The same for a removal (key in the body): the listener is gone, the retry is not a 404.
    const listenerId = (await reload()).spec.listeners.find(
      (l) => l.protocolPort === 8443,
    )!.externalId;
    const remove = { action: 'remove-listener', listenerId, idempotencyKey: 'lb-rm-listener-8443' };
    const removed = await act(remove);
    await accepted(removed);
    const retried = await act(remove);
    expect(retried.statusCode, retried.body).toBe(202);
    expect(json<{ task: Task }>(retried).task.id).toBe(json<{ task: Task }>(removed).task.id);
    expect((await reload()).spec.listeners.map((l) => l.protocolPort)).toEqual([80]);
  });

  test('unknown parts are a 404 naming the part', async () => {
    const res = await act({ action: 'remove-pool', poolId: 'not-a-pool' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).details.reason).toBe('load_balancer_part_unknown');
  });

  test('GET reads both statuses live from the cloud', async () => {
    // Behind the portal's back: the operator disables the member's pool in the sim.
    const listenerId = lb.spec.listeners[0]!.externalId;
    const put = await dc.cloud.request('PUT', `/load-balancer/v2/lbaas/listeners/${listenerId}`, {
      listener: { admin_state_up: false },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await reload();
    expect(['PENDING_UPDATE', 'ACTIVE']).toContain(lb.spec.provisioningStatus);
    // The listener update settles in the cloud after a delay: PENDING_UPDATE → ACTIVE/OFFLINE.
    await expect
      .poll(
        async () => {
          const seen = await reload();
          return [seen.spec.provisioningStatus, seen.spec.listeners[0]!.operatingStatus];
        },
        { timeout: 30_000 },
      )
      .toEqual(['ACTIVE', 'OFFLINE']);
  });

  test('list: search, status filter, CSV with both statuses', async () => {
    const page = json<{ items: LoadBalancerItem[]; total: number }>(
      await owner.get(`${lbs(a.project.id)}?q=web&status=ONLINE`),
    );
    expect(page.items.map((x) => x.name)).toEqual(['web-lb']);
    const csv = await owner.get(`${lbs(a.project.id)}?format=csv`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('provisioningStatus,operatingStatus,vipAddress');
    expect(lines[1]).toContain('10.71.0.50');
  });
});

describe('tenancy and delete', () => {
  test('another department gets 404 on the load balancer and its actions', async () => {
    expect((await outsider.get(`/api/v1/load-balancers/${lb.id}`)).statusCode).toBe(404);
    const res = await act({ action: 'remove-health-monitor', poolId: 'x' }, outsider);
    expect(res.statusCode).toBe(404);
    expect((await outsider.request('DELETE', `/api/v1/load-balancers/${lb.id}`)).statusCode).toBe(
      404,
    );
    const create = await outsider.post(lbs(a.project.id), {
      datacenterId: dc.id,
      name: 'x',
      vipSubnetId: subnetMirrorId,
    });
    expect(create.statusCode).toBe(404);
    // Its own project cannot name project A's subnet either.
    const foreign = await outsider.post(lbs(b.project.id), {
      datacenterId: dc.id,
      name: 'x',
      vipSubnetId: subnetMirrorId,
    });
    expect(foreign.statusCode).toBe(404);
  });

  test('a member and the monitor can be removed again', async () => {
    const pool = lb.spec.pools[0]!;
    await accepted(await act({ action: 'remove-health-monitor', poolId: pool.externalId }));
    await accepted(
      await act({
        action: 'remove-member',
        poolId: pool.externalId,
        memberId: pool.members[0]!.externalId,
      }),
    );
    await reload();
    expect(lb.spec.pools[0]).toMatchObject({ healthMonitor: null, members: [] });
  });

  test('delete cascades: listeners and pools go with it; the mirror keeps it as deleted', async () => {
    const key = { 'idempotency-key': 'lb-delete-web-lb' };
    const url = `/api/v1/load-balancers/${lb.id}`;
    const done = await accepted(await owner.request('DELETE', url, undefined, key));
    expect(done.steps.find((s) => s.key === 'wait')?.detail).toBe('gone');
    // A retried delete after success gets its task back (the object is gone: not a 404).
    const retried = await owner.request('DELETE', url, undefined, key);
    expect(retried.statusCode, retried.body).toBe(202);
    expect(json<{ task: Task }>(retried).task.id).toBe(done.id);
    expect((await owner.get(`/api/v1/load-balancers/${lb.id}`)).statusCode).toBe(404);
    const cloud = await dc.cloud.request<{ listeners: unknown[]; pools: unknown[] }>(
      'GET',
      '/load-balancer/v2/lbaas/listeners',
    );
    expect(cloud.body.listeners).toEqual([]);
    const all = json<{ items: LoadBalancerItem[] }>(
      await owner.get(`${lbs(a.project.id)}?includeDeleted=true`),
    );
    expect(all.items.find((x) => x.id === lb.id)?.deletedAt).toEqual(expect.any(String));
  });
});
