import type { FloatingIpItem, NetworkItem, SubnetItem, Task } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { providerForDatacenter } from '../src/cloud/provider-for-datacenter';
import { cachedCatalog, forgetCatalog } from '../src/services/catalog/catalog-cache';
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
 * Network tenancy and retries: what another tenant's shared network shows, provider attributes
 * only for compute.admin, capabilities the cloud does not offer refused before any task, a
 * retry with the same Idempotency-Key gets its task back, and ids of another project's objects
 * (in paths or bodies) are 404.
 */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let simA: SimTargets;
let worker: Worker;
let owner: Session; // member of a.project
let deptAdmin: Session; // department admin of a (both a.project and a.otherProject)
let other: Session; // member of b.project (another department)
let outsider: Session; // department admin of b

type ErrorBody = { error: { code: string; details: { reason?: string } } };
type Page<T> = { items: T[]; total: number };
type Item = { id: string; externalId: string; name: string };

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'nta');
  b = await createOrganisation(h.adminCtx, 'ntb');
  simA = await prepareSimProject(h, dc, a.project.id);
  await prepareSimProject(h, dc, a.otherProject.id);
  await prepareSimProject(h, dc, b.project.id);
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  deptAdmin = await h.login(a.deptAdmin.username);
  other = await h.login(b.member.username);
  outsider = await h.login(b.deptAdmin.username);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const PA = () => `/api/v1/projects/${a.project.id}`;
const PO = () => `/api/v1/projects/${a.otherProject.id}`;
const PB = () => `/api/v1/projects/${b.project.id}`;

const accepted = (res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(202);
  return json<{ task: Task }>(res as never).task;
};
const done = async (session: Session, res: { statusCode: number; body: string }) => {
  const task = await waitForTask(session, accepted(res).id);
  expect(task.status, JSON.stringify(task.error)).toBe('succeeded');
  return task;
};
const item = async <T>(session: Session, url: string) => {
  const res = await session.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
};
const liveNetworks = async (session: Session, base: string) =>
  new Map(
    (
      await item<Page<NetworkItem>>(session, `${base}/networks?datacenterId=${dc.id}&pageSize=100`)
    ).items.map((n) => [n.name, n]),
  );
const taskCount = () => h.deps.db.task.count();

let shared: NetworkItem;
let pub: NetworkItem;

describe("another tenant's shared network", () => {
  test('compute.admin makes a shared vlan network in project A and an external network', async () => {
    const created = await done(
      h.admin,
      await h.admin.post(`${PA()}/networks`, {
        datacenterId: dc.id,
        name: 'a-shared',
        shared: true,
        provider: { type: 'vlan', physicalNetwork: 'physnet1', segmentationId: 101 },
      }),
    );
    shared = await item<NetworkItem>(h.admin, `/api/v1/networks/${created.resourceId}`);
    expect(shared.spec).toMatchObject({
      shared: true,
      providerType: 'vlan',
      physicalNetwork: 'physnet1',
      segmentationId: 101,
    });
    const ext = await done(
      h.admin,
      await h.admin.post(`${PA()}/networks`, { datacenterId: dc.id, name: 'pub', external: true }),
    );
    pub = await item<NetworkItem>(h.admin, `/api/v1/networks/${ext.resourceId}`);
    await done(
      h.admin,
      await h.admin.post(`${PA()}/subnets`, {
        networkId: pub.id,
        name: 'pub-v4',
        cidr: '198.51.100.0/24',
        enableDhcp: false,
      }),
    );
  });

  test("project B's member sees it without A's ids, task or provider attributes", async () => {
    const seen = (await liveNetworks(other, PB())).get('a-shared');
    expect(seen).toBeDefined();
    expect(seen).toMatchObject({ owned: false, projectId: null, activeTask: null });
    expect(seen!.externalId).toBe(shared.externalId);
    for (const field of ['projectExternalId', 'providerType', 'physicalNetwork', 'segmentationId'])
      expect(seen!.spec, field).not.toHaveProperty(field);
    const one = await item<NetworkItem>(other, `/api/v1/networks/${shared.id}`);
    expect(one).toMatchObject({ owned: false, projectId: null, activeTask: null });
    expect(one.spec).not.toHaveProperty('projectExternalId');
    expect(one.spec).not.toHaveProperty('physicalNetwork');
    expect(one.spec).not.toHaveProperty('segmentationId');
    // A private network of A stays invisible to B.
    const mine = await done(
      owner,
      await owner.post(`${PA()}/networks`, { datacenterId: dc.id, name: 'a-private' }),
    );
    expect((await other.get(`/api/v1/networks/${mine.resourceId}`)).statusCode).toBe(404);
    expect((await liveNetworks(other, PB())).has('a-private')).toBe(false);
  });

  test("the owner's member sees its network whole but the physical network and segment; an admin sees all", async () => {
    const own = (await liveNetworks(owner, PA())).get('a-shared')!;
    expect(own).toMatchObject({ owned: true, projectId: a.project.id });
    expect(own.spec.providerType).toBe('vlan');
    expect(typeof own.spec.projectExternalId).toBe('string');
    expect(own.spec).not.toHaveProperty('physicalNetwork');
    expect(own.spec).not.toHaveProperty('segmentationId');
    const fromMirror = await item<Page<NetworkItem>>(owner, `${PA()}/networks?q=a-shared`);
    expect(fromMirror.items[0]?.spec).not.toHaveProperty('segmentationId');
    const detail = await item<NetworkItem>(owner, `/api/v1/networks/${shared.id}`);
    expect(detail.spec).not.toHaveProperty('physicalNetwork');
    const admin = (await liveNetworks(h.admin, PB())).get('a-shared')!;
    expect(admin).toMatchObject({ owned: false, projectId: null });
    expect(admin.spec).toMatchObject({
      providerType: 'vlan',
      physicalNetwork: 'physnet1',
      segmentationId: 101,
    });
  });
});

describe('capabilities the cloud does not offer', () => {
  test('port forwarding and provider networks are refused before any task when discovery lacks them', async () => {
    const deps = { db: h.deps.db, config: h.deps.config };
    const { provider } = await providerForDatacenter(deps, dc.id);
    const offered = [...(await provider.discoverCapabilities({ requestId: 'test' }))];
    expect(offered).toContain('floating-ip.port-forwarding');
    const without = offered.filter(
      (c) => c !== 'floating-ip.port-forwarding' && c !== 'network.provider',
    );
    const key = { datacenterId: dc.id, list: 'capabilities' };
    await forgetCatalog(h.deps.config, dc.id);
    await cachedCatalog(h.deps.config, key, () => Promise.resolve(without.sort()));
    try {
      const fip = await done(
        owner,
        await owner.post(`${PA()}/floating-ips`, { datacenterId: dc.id, networkId: pub.id }),
      );
      const before = await taskCount();
      const forward = await owner.post(`/api/v1/floating-ips/${fip.resourceId}/actions`, {
        action: 'add-port-forwarding',
        protocol: 'tcp',
        internalPort: 22,
        externalPort: 2222,
        serverId: fip.resourceId,
      });
      expect(forward.statusCode, forward.body).toBe(409);
      expect(json<ErrorBody>(forward).error.details.reason).toBe('datacenter_unsupported_action');
      const vlan = await h.admin.post(`${PA()}/networks`, {
        datacenterId: dc.id,
        name: 'no-provider',
        provider: { type: 'vlan', physicalNetwork: 'physnet1', segmentationId: 102 },
      });
      expect(vlan.statusCode, vlan.body).toBe(409);
      expect(json<ErrorBody>(vlan).error.details.reason).toBe('datacenter_unsupported_action');
      expect(await taskCount()).toBe(before);
    } finally {
      await forgetCatalog(h.deps.config, dc.id);
    }
  });
});

let app: NetworkItem;
let appSubnet: SubnetItem;
let router: Item;
let serverId: string;
let fip: FloatingIpItem;

describe('retries with the same Idempotency-Key', () => {
  test('create-subnet and add-interface twice with one key: 202 with the same task both times', async () => {
    const net = await done(
      owner,
      await owner.post(`${PA()}/networks`, { datacenterId: dc.id, name: 'app' }),
    );
    app = await item<NetworkItem>(owner, `/api/v1/networks/${net.resourceId}`);
    const sub = await done(
      owner,
      await owner.post(`${PA()}/subnets`, {
        networkId: app.id,
        name: 'app-subnet',
        cidr: '10.60.0.0/24',
      }),
    );
    appSubnet = await item<SubnetItem>(owner, `/api/v1/subnets/${sub.resourceId}`);
    // A create retried after success is not refused as overlapping itself.
    const subnetBody = {
      networkId: app.id,
      name: 'app-subnet-2',
      cidr: '10.61.0.0/24',
      idempotencyKey: 'subnet-app-2',
    };
    const madeSubnet = await done(owner, await owner.post(`${PA()}/subnets`, subnetBody));
    const retriedSubnet = accepted(await owner.post(`${PA()}/subnets`, subnetBody));
    expect(retriedSubnet.id).toBe(madeSubnet.id);
    const made = await done(
      owner,
      await owner.post(`${PA()}/routers`, {
        datacenterId: dc.id,
        name: 'edge',
        externalNetworkId: pub.id,
      }),
    );
    router = await item<Item>(owner, `/api/v1/routers/${made.resourceId}`);
    const body = { action: 'add-interface', subnetId: appSubnet.id };
    const headers = { 'idempotency-key': 'add-if-edge-1' };
    const url = `/api/v1/routers/${router.id}/actions`;
    const first = await done(owner, await owner.request('POST', url, body, headers));
    const again = accepted(await owner.request('POST', url, body, headers));
    expect(again.id).toBe(first.id);
    // Without the key the same request is refused: the interface exists now.
    const fresh = await owner.post(url, body);
    expect(json<ErrorBody>(fresh).error.details.reason).toBe('router_interface_exists');
    // The key on another request is a conflict.
    const reused = await owner.request(
      'POST',
      url,
      { action: 'remove-interface', subnetId: appSubnet.id },
      headers,
    );
    expect(reused.statusCode).toBe(409);
    expect(json<ErrorBody>(reused).error.details.reason).toBe('idempotency_key_reused');
  });

  test('associate twice with one key: 202 with the same task; a delete retried after success too', async () => {
    const server = await done(
      owner,
      await owner.post(`${PA()}/servers`, {
        datacenterId: dc.id,
        name: 'web',
        flavorId: '1',
        imageId: simA.imageId,
        networkIds: [app.externalId],
      }),
    );
    serverId = server.resourceId!;
    const alloc = await done(
      owner,
      await owner.post(`${PA()}/floating-ips`, { datacenterId: dc.id, networkId: pub.id }),
    );
    const url = `/api/v1/floating-ips/${alloc.resourceId}/actions`;
    const body = { action: 'associate', serverId, idempotencyKey: 'assoc-web-1' };
    const first = await done(owner, await owner.post(url, body));
    const again = accepted(await owner.post(url, body));
    expect(again.id).toBe(first.id);
    fip = await item<FloatingIpItem>(owner, `/api/v1/floating-ips/${alloc.resourceId}`);
    expect(fip.spec.portExternalId).toEqual(expect.any(String));

    const spare = await done(
      owner,
      await owner.post(`${PA()}/floating-ips`, { datacenterId: dc.id, networkId: pub.id }),
    );
    const del = `/api/v1/floating-ips/${spare.resourceId}`;
    const headers = { 'idempotency-key': 'release-spare-1' };
    const gone = await done(owner, await owner.request('DELETE', del, undefined, headers));
    const retried = accepted(await owner.request('DELETE', del, undefined, headers));
    expect(retried.id).toBe(gone.id);
    expect((await owner.delete(del)).statusCode).toBe(404);
  });
});

describe('ids of another project', () => {
  test('item routes of ports, security groups and topology: 404 for another department', async () => {
    const ports = await item<Page<Item>>(owner, `${PA()}/ports?networkId=${app.id}`);
    const groups = await item<Page<Item>>(
      owner,
      `${PA()}/security-groups?datacenterId=${dc.id}&q=default`,
    );
    expect(ports.items.length).toBeGreaterThan(0);
    expect(groups.items.length).toBe(1);
    for (const session of [outsider, other])
      for (const url of [
        `/api/v1/ports/${ports.items[0]!.id}`,
        `/api/v1/security-groups/${groups.items[0]!.id}`,
        `${PA()}/topology?datacenterId=${dc.id}`,
      ])
        expect((await session.get(url)).statusCode, url).toBe(404);
  });

  test('ids in bodies naming another project’s objects are 404, and queue nothing', async () => {
    const groupsA = await item<Page<Item>>(
      owner,
      `${PA()}/security-groups?datacenterId=${dc.id}&q=default`,
    );
    const groupA = groupsA.items[0]!;
    const portsA = await item<Page<Item>>(owner, `${PA()}/ports?serverId=${serverId}`);
    const portA = portsA.items[0]!;
    // The department admin can use both projects: acting in the other project with A's ids.
    const groupsO = await item<Page<Item>>(
      deptAdmin,
      `${PO()}/security-groups?datacenterId=${dc.id}&q=default`,
    );
    const groupO = groupsO.items[0]!;
    const routerO = await done(
      deptAdmin,
      await deptAdmin.post(`${PO()}/routers`, { datacenterId: dc.id, name: 'other-edge' }),
    );
    const fipO = await done(
      deptAdmin,
      await deptAdmin.post(`${PO()}/floating-ips`, { datacenterId: dc.id, networkId: pub.id }),
    );
    const otherServer = await done(
      deptAdmin,
      await deptAdmin.post(`${PO()}/servers`, {
        datacenterId: dc.id,
        name: 'other-web',
        flavorId: '1',
        imageId: simA.imageId,
        networkIds: [simA.networkId],
      }),
    );
    const before = await taskCount();
    const cases: [string, Session, string, Record<string, unknown>][] = [
      [
        'port securityGroupIds (shared network)',
        deptAdmin,
        `${PO()}/ports`,
        { networkId: shared.id, name: 'p', securityGroupIds: [groupA.id] },
      ],
      [
        'port fixedIps subnetId',
        deptAdmin,
        `${PO()}/ports`,
        { networkId: shared.id, name: 'p', fixedIps: [{ subnetId: appSubnet.id }] },
      ],
      [
        'router add-interface subnetId',
        deptAdmin,
        `/api/v1/routers/${routerO.resourceId}/actions`,
        { action: 'add-interface', subnetId: appSubnet.id },
      ],
      [
        'floating IP serverId',
        deptAdmin,
        `/api/v1/floating-ips/${fipO.resourceId}/actions`,
        { action: 'associate', serverId },
      ],
      [
        'floating IP portId',
        deptAdmin,
        `/api/v1/floating-ips/${fipO.resourceId}/actions`,
        { action: 'associate', serverId: otherServer.resourceId, portId: portA.id },
      ],
      [
        'security group remoteGroupId',
        deptAdmin,
        `/api/v1/security-groups/${groupO.id}/actions`,
        {
          action: 'add-rule',
          direction: 'ingress',
          protocol: 'tcp',
          portRangeMin: 22,
          remoteGroupId: groupA.id,
        },
      ],
      [
        'port securityGroupIds (other department)',
        outsider,
        `${PB()}/ports`,
        { networkId: shared.id, name: 'p', securityGroupIds: [groupA.id] },
      ],
      [
        'router add-interface subnetId (other department)',
        outsider,
        `/api/v1/routers/${router.id}/actions`,
        { action: 'add-interface', subnetId: appSubnet.id },
      ],
    ];
    for (const [what, session, url, body] of cases) {
      const res = await session.post(url, body);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(404);
    }
    expect(await taskCount()).toBe(before);
    // The same bodies with the project's own ids are accepted: the 404s came from the ids.
    await done(
      deptAdmin,
      await deptAdmin.post(`${PO()}/ports`, {
        networkId: shared.id,
        name: 'p',
        securityGroupIds: [groupO.id],
      }),
    );
    await done(
      deptAdmin,
      await deptAdmin.post(`/api/v1/security-groups/${groupO.id}/actions`, {
        action: 'add-rule',
        direction: 'ingress',
        protocol: 'tcp',
        portRangeMin: 22,
        remoteGroupId: groupO.id,
      }),
    );
  });
});

describe('tasks on a shared network', () => {
  test("a task on A's network shows to A, not to B", async () => {
    await worker.pause();
    try {
      const task = accepted(await h.admin.delete(`/api/v1/networks/${shared.id}`));
      const own = await item<NetworkItem>(owner, `/api/v1/networks/${shared.id}`);
      expect(own.activeTask).toMatchObject({ id: task.id, action: 'network.delete' });
      const seen = (await liveNetworks(other, PB())).get('a-shared')!;
      expect(seen.activeTask).toBeNull();
      const one = await item<NetworkItem>(other, `/api/v1/networks/${shared.id}`);
      expect(one.activeTask).toBeNull();
    } finally {
      await worker.resume();
    }
  });
});
