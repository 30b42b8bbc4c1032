import type { FloatingIpItem, NetworkItem, RouterItem, SubnetItem, Task } from '@yunguan/contract';
import type { FloatingIpDto } from '@yunguan/cloud-core';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

/**
 * Networks, subnets, routers and floating IPs through the real tunnel to the simulated
 * datacenter, with a real worker: what is refused is refused before any task exists and
 * changes nothing; what is accepted leaves the mirror as the cloud has it.
 */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let sim: SimTargets;
let worker: Worker;
let owner: Session;
let outsider: Session;

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
type Page<T> = { items: T[]; total: number };

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'net');
  b = await createOrganisation(h.adminCtx, 'oth');
  sim = await prepareSimProject(h, dc, a.project.id);
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  outsider = await h.login(b.deptAdmin.username);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const P = () => `/api/v1/projects/${a.project.id}`;

/** A 202 whose task succeeds; returns the finished task. */
const done = async (session: Session, res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(202);
  const task = await waitForTask(session, json<{ task: Task }>(res as never).task.id);
  expect(task.status, JSON.stringify(task.error)).toBe('succeeded');
  return task;
};

const item = async <T>(session: Session, url: string) => {
  const res = await session.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
};

const taskCount = () => h.deps.db.task.count({ where: { projectId: a.project.id } });
const simSubnets = async () =>
  (await dc.cloud.request<{ subnets: { cidr: string }[] }>('GET', '/network/v2.0/subnets')).body
    .subnets;

let publicNet: NetworkItem;
let app: NetworkItem;
let appSubnet: SubnetItem;

describe('networks and subnets', () => {
  test('a member may not set admin fields: 403 naming them, and no task', async () => {
    const before = await taskCount();
    const res = await owner.post(`${P()}/networks`, {
      datacenterId: dc.id,
      name: 'ext',
      external: true,
      shared: true,
    });
    expect(res.statusCode).toBe(403);
    const body = json<ErrorBody>(res);
    expect(body.error.details).toMatchObject({
      reason: 'network_admin_fields',
      params: { fields: 'shared, external' },
    });
    expect(body.error.message).toContain('compute.admin');
    expect(await taskCount()).toBe(before);
  });

  test('provider attributes are checked by field (vlan needs a physical network and 1–4094)', async () => {
    const res = await h.admin.post(`${P()}/networks`, {
      datacenterId: dc.id,
      name: 'bad-vlan',
      provider: { type: 'vlan', segmentationId: 5000 },
    });
    expect(res.statusCode).toBe(400);
    const issues = json<ErrorBody>(res).error.details.issues ?? [];
    expect(issues.map((i) => i.path)).toEqual([
      'body.provider.physicalNetwork',
      'body.provider.segmentationId',
    ]);
    expect(issues[1]?.message).toContain('1–4094');
  });

  test('compute.admin creates an external network and its subnet', async () => {
    const task = await done(
      h.admin,
      await h.admin.post(`${P()}/networks`, {
        datacenterId: dc.id,
        name: 'public',
        external: true,
      }),
    );
    publicNet = await item<NetworkItem>(h.admin, `/api/v1/networks/${task.resourceId}`);
    expect(publicNet.spec).toMatchObject({ external: true, shared: false });
    await done(
      h.admin,
      await h.admin.post(`${P()}/subnets`, {
        networkId: publicNet.id,
        name: 'public-v4',
        cidr: '203.0.113.0/24',
        enableDhcp: false,
      }),
    );
  });

  test('a member creates a tenant network and a subnet; the mirror has both', async () => {
    const net = await done(
      owner,
      await owner.post(`${P()}/networks`, { datacenterId: dc.id, name: 'app', mtu: 1450 }),
    );
    expect(net.steps.map((s) => [s.key, s.status])).toEqual([
      ['submit', 'succeeded'],
      ['record', 'succeeded'],
    ]);
    app = await item<NetworkItem>(owner, `/api/v1/networks/${net.resourceId}`);
    expect(app).toMatchObject({ name: 'app', owned: true, spec: { external: false } });
    const sub = await done(
      owner,
      await owner.post(`${P()}/subnets`, {
        networkId: app.id,
        name: 'app-subnet',
        cidr: '10.10.0.0/24',
        gatewayIp: '10.10.0.1',
        dnsNameservers: ['8.8.8.8'],
        allocationPools: [{ start: '10.10.0.10', end: '10.10.0.200' }],
      }),
    );
    appSubnet = await item<SubnetItem>(owner, `/api/v1/subnets/${sub.resourceId}`);
    expect(appSubnet.spec).toMatchObject({
      cidr: '10.10.0.0/24',
      gatewayIp: '10.10.0.1',
      dnsNameservers: ['8.8.8.8'],
      allocationPools: [{ start: '10.10.0.10', end: '10.10.0.200' }],
    });
    const network = await item<NetworkItem>(owner, `/api/v1/networks/${app.id}`);
    expect(network.spec.subnetExternalIds).toEqual([appSubnet.externalId]);
  });

  test('the live list has the shared network (owned: false) and the project’s own', async () => {
    const page = await item<Page<NetworkItem> & { liveAt: string | null }>(
      owner,
      `${P()}/networks?datacenterId=${dc.id}&pageSize=100`,
    );
    expect(page.liveAt).toEqual(expect.any(String));
    const byName = new Map(page.items.map((n) => [n.name, n]));
    expect(byName.get('app')?.owned).toBe(true);
    expect(byName.get('public')?.spec.external).toBe(true);
    expect(byName.get('yg-test-shared')).toMatchObject({
      owned: false,
      externalId: sim.networkId,
      spec: { shared: true },
    });
    // Usable for ports and servers, but not the project's to add subnets to.
    const foreign = await owner.post(`${P()}/subnets`, {
      networkId: byName.get('yg-test-shared')!.id,
      name: 'mine-now',
      cidr: '10.201.0.0/24',
    });
    expect(foreign.statusCode).toBe(404);
    const mirrorOnly = await item<Page<NetworkItem>>(owner, `${P()}/networks?q=app`);
    expect(mirrorOnly.items.map((n) => n.name)).toEqual(['app']);
  });

  test('an overlapping subnet is 409 naming both CIDRs and the other subnet; no task, nothing made', async () => {
    const tasks = await taskCount();
    const subnetsBefore = (await simSubnets()).length;
    const listed = (await item<Page<SubnetItem>>(owner, `${P()}/subnets`)).total;
    const res = await owner.post(`${P()}/subnets`, {
      networkId: app.id,
      name: 'clash',
      cidr: '10.10.0.128/25',
    });
    expect(res.statusCode).toBe(409);
    const body = json<ErrorBody>(res);
    expect(body.error.details).toMatchObject({
      reason: 'subnet_overlaps',
      params: { cidr: '10.10.0.128/25', otherCidr: '10.10.0.0/24', otherSubnet: 'app-subnet' },
    });
    expect(body.error.message).toContain('overlaps 10.10.0.0/24 of subnet "app-subnet"');
    expect(await taskCount()).toBe(tasks);
    expect((await simSubnets()).length).toBe(subnetsBefore);
    expect((await item<Page<SubnetItem>>(owner, `${P()}/subnets`)).total).toBe(listed);
  });

  test('an invalid CIDR or a gateway outside it is 400 by field, in English and Chinese', async () => {
    const tasks = await taskCount();
    const en = await owner.post(`${P()}/subnets`, {
      networkId: app.id,
      name: 'bad',
      cidr: '10.20.0.1/24',
    });
    expect(en.statusCode).toBe(400);
    expect(json<ErrorBody>(en).error.details.issues).toEqual([
      {
        path: 'body.cidr',
        message:
          '"10.20.0.1/24" has host bits set; did you mean 10.20.0.0/24? Write the network address.',
      },
    ]);
    const zh = await owner.request(
      'POST',
      `${P()}/subnets`,
      { networkId: app.id, name: 'bad', cidr: '10.20.0.0/24', gatewayIp: '10.30.0.1' },
      { 'accept-language': 'zh-CN' },
    );
    expect(zh.statusCode).toBe(400);
    const body = json<ErrorBody>(zh).error;
    expect(body.details.reason).toBe('gateway_outside_cidr');
    expect(body.message).toBe(
      '网关 10.30.0.1 不在 10.20.0.0/24 范围内。请选择子网内的地址，或留空以使用第一个地址。',
    );
    expect(body.details.issues?.[0]).toMatchObject({ path: 'body.gatewayIp' });
    const junk = await owner.post(`${P()}/subnets`, {
      networkId: app.id,
      name: 'bad',
      cidr: 'ten.0.0.0/8',
    });
    expect(json<ErrorBody>(junk).error.details.issues?.[0]?.message).toContain(
      'is not a CIDR such as',
    );
    expect(await taskCount()).toBe(tasks);
  });

  test('PATCH re-checks against the stored CIDR and changes the subnet through a task', async () => {
    const bad = await owner.patch(`/api/v1/subnets/${appSubnet.id}`, { gatewayIp: '10.99.0.1' });
    expect(bad.statusCode).toBe(400);
    expect(json<ErrorBody>(bad).error.details.reason).toBe('gateway_outside_cidr');
    await done(
      owner,
      await owner.patch(`/api/v1/subnets/${appSubnet.id}`, {
        dnsNameservers: ['1.1.1.1', '8.8.4.4'],
      }),
    );
    const after = await item<SubnetItem>(owner, `/api/v1/subnets/${appSubnet.id}`);
    expect(after.spec.dnsNameservers).toEqual(['1.1.1.1', '8.8.4.4']);
  });
});

let serverId: string;
let serverName: string;
let fip: FloatingIpItem;
let router: RouterItem;

describe('routers and floating IPs', () => {
  test('a floating IP on a server whose subnet has no router is 409 floating_ip_no_route; nothing changes', async () => {
    const created = await done(
      owner,
      await owner.post(`${P()}/servers`, {
        datacenterId: dc.id,
        name: 'web',
        flavorId: '1',
        imageId: sim.imageId,
        networkIds: [app.externalId],
      }),
    );
    serverId = created.resourceId!;
    serverName = 'web';
    const alloc = await done(
      owner,
      await owner.post(`${P()}/floating-ips`, { datacenterId: dc.id, networkId: publicNet.id }),
    );
    fip = await item<FloatingIpItem>(owner, `/api/v1/floating-ips/${alloc.resourceId}`);
    expect(fip.spec).toMatchObject({
      portExternalId: null,
      floatingNetworkExternalId: publicNet.externalId,
    });
    const tasks = await taskCount();
    const res = await owner.post(`/api/v1/floating-ips/${fip.id}/actions`, {
      action: 'associate',
      serverId,
    });
    expect(res.statusCode).toBe(409);
    const body = json<ErrorBody>(res).error;
    expect(body.details).toMatchObject({
      reason: 'floating_ip_no_route',
      params: { server: serverName, subnet: 'app-subnet', network: 'public' },
    });
    expect(body.message).toBe(
      `Server "web"'s subnet "app-subnet" has no router to external network "public"; add a router interface and gateway first.`,
    );
    expect(await taskCount()).toBe(tasks);
    const still = await item<FloatingIpItem>(owner, `/api/v1/floating-ips/${fip.id}`);
    expect(still.spec.portExternalId).toBeNull();
    const inCloud = await dc.cloud.request<{ floatingip: { port_id: string | null } }>(
      'GET',
      `/network/v2.0/floatingips/${fip.externalId}`,
    );
    expect(inCloud.body.floatingip.port_id).toBeNull();
  });

  test('a router with a gateway on the external network, then an interface on the subnet', async () => {
    const created = await done(
      owner,
      await owner.post(`${P()}/routers`, {
        datacenterId: dc.id,
        name: 'edge',
        externalNetworkId: publicNet.id,
      }),
    );
    router = await item<RouterItem>(owner, `/api/v1/routers/${created.resourceId}`);
    expect(router.spec.externalGateway).toMatchObject({
      networkExternalId: publicNet.externalId,
      enableSnat: true,
    });
    const added = await done(
      owner,
      await owner.post(`/api/v1/routers/${router.id}/actions`, {
        action: 'add-interface',
        subnetId: appSubnet.id,
      }),
    );
    expect(added.steps.find((s) => s.key === 'submit')?.detail).toBe(
      'interface on subnet app-subnet',
    );
    router = await item<RouterItem>(owner, `/api/v1/routers/${router.id}`);
    expect(router.spec.interfaces).toEqual([
      expect.objectContaining({ subnetExternalId: appSubnet.externalId, ipAddress: '10.10.0.1' }),
    ]);
    const again = await owner.post(`/api/v1/routers/${router.id}/actions`, {
      action: 'add-interface',
      subnetId: appSubnet.id,
    });
    expect(again.statusCode).toBe(409);
    expect(json<ErrorBody>(again).error.details.reason).toBe('router_interface_exists');
    const busySubnet = await owner.delete(`/api/v1/subnets/${appSubnet.id}`);
    expect(json<ErrorBody>(busySubnet).error.details.reason).toBe('subnet_in_use');
    const busyRouter = await owner.delete(`/api/v1/routers/${router.id}`);
    expect(json<ErrorBody>(busyRouter).error.details).toMatchObject({
      reason: 'router_in_use',
      params: { count: 1 },
    });
  });

  test('now associate works; disassociate; release', async () => {
    await done(
      owner,
      await owner.post(`/api/v1/floating-ips/${fip.id}/actions`, { action: 'associate', serverId }),
    );
    fip = await item<FloatingIpItem>(owner, `/api/v1/floating-ips/${fip.id}`);
    expect(fip.spec.portExternalId).toEqual(expect.any(String));
    expect(fip.spec.fixedIpAddress).toMatch(/^10\.10\.0\./);
    expect(fip.spec.server).toEqual({ id: serverId, name: serverName });
    // The inventory sync writes the cloud's floating IP as it is (no portal extras): the server
    // is still named, from the mirror's port and server rows.
    const plain: Partial<FloatingIpItem['spec']> = { ...fip.spec };
    delete plain.portForwardings;
    delete plain.server;
    await applyResourceObservation(
      h.deps,
      dc.id,
      observationOf('floating-ip', plain as FloatingIpDto),
    );
    const synced = await item<FloatingIpItem>(owner, `/api/v1/floating-ips/${fip.id}`);
    expect(synced.spec.server).toEqual({ id: serverId, name: serverName });
    await done(
      owner,
      await owner.post(`/api/v1/floating-ips/${fip.id}/actions`, { action: 'disassociate' }),
    );
    fip = await item<FloatingIpItem>(owner, `/api/v1/floating-ips/${fip.id}`);
    expect(fip.spec).toMatchObject({ portExternalId: null, server: null });
    const twice = await owner.post(`/api/v1/floating-ips/${fip.id}/actions`, {
      action: 'disassociate',
    });
    expect(json<ErrorBody>(twice).error.details.reason).toBe('floating_ip_not_associated');
    await done(owner, await owner.delete(`/api/v1/floating-ips/${fip.id}`));
    expect((await owner.get(`/api/v1/floating-ips/${fip.id}`)).statusCode).toBe(404);
    const gone = await dc.cloud.request('GET', `/network/v2.0/floatingips/${fip.externalId}`);
    expect(gone.status).toBe(404);
  });

  test("the cloud's own refusal in the task (route removed after the check) is the same clear failure", async () => {
    const alloc = await done(
      owner,
      await owner.post(`${P()}/floating-ips`, { datacenterId: dc.id, networkId: publicNet.id }),
    );
    await worker.pause();
    try {
      const res = await owner.post(`/api/v1/floating-ips/${alloc.resourceId}/actions`, {
        action: 'associate',
        serverId,
      });
      expect(res.statusCode, res.body).toBe(202);
      const removed = await dc.cloud.request(
        'PUT',
        `/network/v2.0/routers/${router.externalId}/remove_router_interface`,
        { subnet_id: appSubnet.externalId },
      );
      expect(removed.status).toBe(200);
      await worker.resume();
      const task = await waitForTask(owner, json<{ task: Task }>(res).task.id);
      expect(task.status).toBe('failed');
      expect(task.error).toMatchObject({
        reason: 'floating_ip_no_route',
        message: `Server "web"'s subnet "app-subnet" has no router to external network "public"; add a router interface and gateway first.`,
      });
    } finally {
      if (worker.isPaused()) await worker.resume();
    }
    const still = await item<FloatingIpItem>(owner, `/api/v1/floating-ips/${alloc.resourceId}`);
    expect(still.spec.portExternalId).toBeNull();
  });

  test('set-gateway and clear-gateway', async () => {
    await done(
      owner,
      await owner.post(`/api/v1/routers/${router.id}/actions`, { action: 'clear-gateway' }),
    );
    expect(
      (await item<RouterItem>(owner, `/api/v1/routers/${router.id}`)).spec.externalGateway,
    ).toBeNull();
    const none = await owner.post(`/api/v1/routers/${router.id}/actions`, {
      action: 'clear-gateway',
    });
    expect(json<ErrorBody>(none).error.details.reason).toBe('router_gateway_missing');
    const notExternal = await owner.post(`/api/v1/routers/${router.id}/actions`, {
      action: 'set-gateway',
      networkId: app.id,
    });
    expect(json<ErrorBody>(notExternal).error.details.reason).toBe('network_not_external');
    await done(
      owner,
      await owner.post(`/api/v1/routers/${router.id}/actions`, {
        action: 'set-gateway',
        networkId: publicNet.id,
        enableSnat: false,
      }),
    );
    const after = await item<RouterItem>(owner, `/api/v1/routers/${router.id}`);
    expect(after.spec.externalGateway).toMatchObject({ enableSnat: false });
  });
});

describe('tenancy and export', () => {
  test('a user of another department gets 404 on every item route', async () => {
    const routes: [string, string][] = [
      ['networks', app.id],
      ['subnets', appSubnet.id],
      ['routers', router.id],
      ['floating-ips', fip.id],
    ];
    for (const [plural, id] of routes) {
      expect((await outsider.get(`/api/v1/${plural}/${id}`)).statusCode, plural).toBe(404);
      expect((await outsider.delete(`/api/v1/${plural}/${id}`)).statusCode, plural).toBe(404);
    }
    const act = await outsider.post(`/api/v1/routers/${router.id}/actions`, {
      action: 'clear-gateway',
    });
    expect(act.statusCode).toBe(404);
    const patch = await outsider.patch(`/api/v1/subnets/${appSubnet.id}`, { name: 'x' });
    expect(patch.statusCode).toBe(404);
    const list = await outsider.get(`${P()}/networks`);
    expect(list.statusCode).toBe(404);
    // Naming another tenant's network in one's own project is a 404 too.
    const theirs = await outsider.post(`/api/v1/projects/${b.project.id}/subnets`, {
      networkId: app.id,
      name: 'steal',
      cidr: '10.50.0.0/24',
    });
    expect(theirs.statusCode).toBe(404);
  });

  test('networks export as CSV with their own columns', async () => {
    const res = await owner.get(`${P()}/networks?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'id,name,status,externalId,datacenterId,external,shared,providerType,subnets,firstSeenAt,observedAt,deletedAt',
    );
    expect(rows.some((r) => r.startsWith(`${app.id},app,ACTIVE,`))).toBe(true);
    expect(rows.some((r) => r.includes(',public,') && r.includes(',true,false,'))).toBe(true);
  });
});
