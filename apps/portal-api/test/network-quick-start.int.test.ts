import type {
  FloatingIpItem,
  NetworkItem,
  PortItem,
  RouterItem,
  SecurityGroupItem,
  SubnetItem,
  Task,
  Topology,
} from '@yunguan/contract';
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
 * Security groups, the network quick start and the topology through the real tunnel to the
 * simulated datacenter, whose external network the cloud's own administrator made.
 */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let sim: SimTargets;
let worker: Worker;
let owner: Session;
let outsider: Session;
let external: NetworkItem;

type ErrorBody = {
  error: {
    code: string;
    message: string;
    details: { reason?: string; params?: Record<string, unknown>; issues?: { path: string }[] };
  };
};
type Page<T> = { items: T[]; total: number };

const P = () => `/api/v1/projects/${a.project.id}`;

const done = async (session: Session, res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(202);
  const task = await waitForTask(session, (JSON.parse(res.body) as { task: Task }).task.id);
  expect(task.status, JSON.stringify(task.error)).toBe('succeeded');
  return task;
};

const item = async <T>(session: Session, url: string) => {
  const res = await session.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
};

const taskCount = () => h.deps.db.task.count({ where: { projectId: a.project.id } });

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'qs');
  b = await createOrganisation(h.adminCtx, 'oth');
  sim = await prepareSimProject(h, dc, a.project.id);
  // The cloud's administrator makes the external network, behind the portal's back.
  const net = await dc.cloud.request<{ network: { id: string } }>(
    'POST',
    '/network/v2.0/networks',
    {
      network: { name: 'ext-sim', 'router:external': true },
    },
  );
  const sub = await dc.cloud.request('POST', '/network/v2.0/subnets', {
    subnet: {
      network_id: net.body.network.id,
      name: 'ext-sim-v4',
      ip_version: 4,
      cidr: '198.51.100.0/24',
      enable_dhcp: false,
    },
  });
  if (sub.status !== 201) throw new Error(`sim external subnet: ${sub.status}`);
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  outsider = await h.login(b.deptAdmin.username);
  const live = await item<Page<NetworkItem>>(owner, `${P()}/networks?datacenterId=${dc.id}`);
  external = live.items.find((n) => n.name === 'ext-sim')!;
  expect(external).toMatchObject({ owned: false, projectId: null, spec: { external: true } });
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

let sg: SecurityGroupItem;

describe('security groups', () => {
  test("the live list shows the cloud's default group with its rules", async () => {
    const page = await item<Page<SecurityGroupItem>>(
      owner,
      `${P()}/security-groups?datacenterId=${dc.id}`,
    );
    const dflt = page.items.find((g) => g.name === 'default');
    expect(dflt?.spec.rules.length).toBeGreaterThan(0);
    const del = await owner.delete(`/api/v1/security-groups/${dflt!.id}`);
    expect(del.statusCode).toBe(409);
    expect(json<ErrorBody>(del).error.details.reason).toBe('security_group_default');
  });

  test('create, add 22/tcp, a duplicate is 409 in the cloud’s words, remove, delete', async () => {
    const created = await done(
      owner,
      await owner.post(`${P()}/security-groups`, { datacenterId: dc.id, name: 'web-sg' }),
    );
    sg = await item<SecurityGroupItem>(owner, `/api/v1/security-groups/${created.resourceId}`);
    const rule = {
      action: 'add-rule',
      direction: 'ingress',
      protocol: 'tcp',
      portRangeMin: 22,
      portRangeMax: 22,
      remoteIpPrefix: '0.0.0.0/0',
    };
    await done(owner, await owner.post(`/api/v1/security-groups/${sg.id}/actions`, rule));
    sg = await item<SecurityGroupItem>(owner, `/api/v1/security-groups/${sg.id}`);
    const ssh = sg.spec.rules.find((r) => r.protocol === 'tcp' && r.portRangeMin === 22);
    expect(ssh).toMatchObject({ direction: 'ingress', portRangeMax: 22, ethertype: 'IPv4' });
    const tasks = await taskCount();
    const dup = await owner.post(`/api/v1/security-groups/${sg.id}/actions`, rule);
    expect(dup.statusCode).toBe(409);
    const body = json<ErrorBody>(dup).error;
    expect(body.details.reason).toBe('security_group_rule_exists');
    expect(body.message).toContain(
      `Security group rule already exists. Rule id is ${ssh!.externalId}.`,
    );
    expect(await taskCount()).toBe(tasks);
    const reversed = await owner.post(`/api/v1/security-groups/${sg.id}/actions`, {
      ...rule,
      portRangeMin: 90,
      portRangeMax: 80,
    });
    expect(reversed.statusCode).toBe(400);
    expect(json<ErrorBody>(reversed).error.details.issues?.[0]?.path).toBe('body.portRangeMax');
    await done(
      owner,
      await owner.post(`/api/v1/security-groups/${sg.id}/actions`, {
        action: 'remove-rule',
        ruleId: ssh!.externalId,
      }),
    );
    sg = await item<SecurityGroupItem>(owner, `/api/v1/security-groups/${sg.id}`);
    expect(sg.spec.rules.some((r) => r.externalId === ssh!.externalId)).toBe(false);
    expect((await outsider.get(`/api/v1/security-groups/${sg.id}`)).statusCode).toBe(404);
    await done(owner, await owner.delete(`/api/v1/security-groups/${sg.id}`));
    expect((await owner.get(`/api/v1/security-groups/${sg.id}`)).statusCode).toBe(404);
  });
});

let quick: Task;

describe('network quick start', () => {
  test('one task makes network, subnet, router, gateway, interface and rules, each step shown', async () => {
    quick = await done(
      owner,
      await owner.post(`${P()}/network-quick-start`, {
        datacenterId: dc.id,
        name: 'qs',
        cidr: '192.168.50.0/24',
        dnsNameservers: ['8.8.8.8'],
        externalNetworkId: external.id,
        openPorts: [22, 80, 443],
      }),
    );
    expect(quick.action).toBe('network.quick-start');
    expect(quick.steps.map((s) => [s.key, s.status])).toEqual([
      ['network', 'succeeded'],
      ['subnet', 'succeeded'],
      ['router', 'succeeded'],
      ['gateway', 'succeeded'],
      ['interface', 'succeeded'],
      ['rules', 'succeeded'],
      ['record', 'succeeded'],
    ]);
    const detail = new Map(quick.steps.map((s) => [s.key, s.detail ?? '']));
    expect(detail.get('subnet')).toContain('192.168.50.0/24');
    expect(detail.get('gateway')).toContain('gateway on ext-sim (198.51.100.');
    expect(detail.get('interface')).toBe('router qs-router ↔ subnet qs-subnet');
    expect(detail.get('rules')).toContain('ingress IPv4 tcp 443 from 0.0.0.0/0');

    const networks = await item<Page<NetworkItem>>(owner, `${P()}/networks?q=qs`);
    expect(networks.items.map((n) => n.id)).toEqual([quick.resourceId]);
    const subnets = await item<Page<SubnetItem>>(owner, `${P()}/subnets?q=qs-subnet`);
    expect(subnets.items[0]?.spec).toMatchObject({
      cidr: '192.168.50.0/24',
      gatewayIp: '192.168.50.1',
    });
    const routers = await item<Page<RouterItem>>(owner, `${P()}/routers?q=qs-router`);
    expect(routers.items[0]?.spec.externalGateway?.networkExternalId).toBe(external.externalId);
    expect(routers.items[0]?.spec.interfaces.map((i) => i.subnetExternalId)).toEqual([
      subnets.items[0]?.externalId,
    ]);
    const groups = await item<Page<SecurityGroupItem>>(owner, `${P()}/security-groups?q=default`);
    const rules = groups.items[0]!.spec.rules.filter((r) => r.direction === 'ingress');
    expect(
      rules
        .filter((r) => r.protocol === 'tcp')
        .map((r) => r.portRangeMin)
        .sort(),
    ).toEqual([22, 443, 80]);
    expect(rules.some((r) => r.protocol === 'icmp')).toBe(true);
  });

  test('a CIDR overlapping a project subnet is refused before any task', async () => {
    const tasks = await taskCount();
    const res = await owner.post(`${P()}/network-quick-start`, {
      datacenterId: dc.id,
      name: 'qs2',
      cidr: '192.168.50.128/25',
    });
    expect(res.statusCode).toBe(409);
    expect(json<ErrorBody>(res).error.details).toMatchObject({
      reason: 'quick_start_cidr_taken',
      params: { otherSubnet: 'qs-subnet', otherCidr: '192.168.50.0/24' },
    });
    expect(await taskCount()).toBe(tasks);
  });
});

describe('topology', () => {
  test('external network, router, network, subnet, server and floating IP with their edges', async () => {
    const server = await done(
      owner,
      await owner.post(`${P()}/servers`, {
        datacenterId: dc.id,
        name: 'qs-vm',
        flavorId: '1',
        imageId: sim.imageId,
        networkIds: [
          (await item<NetworkItem>(owner, `/api/v1/networks/${quick.resourceId}`)).externalId,
        ],
      }),
    );
    const alloc = await done(
      owner,
      await owner.post(`${P()}/floating-ips`, { datacenterId: dc.id, networkId: external.id }),
    );
    await done(
      owner,
      await owner.post(`/api/v1/floating-ips/${alloc.resourceId}/actions`, {
        action: 'associate',
        serverId: server.resourceId,
      }),
    );
    const fip = await item<FloatingIpItem>(owner, `/api/v1/floating-ips/${alloc.resourceId}`);
    const topo = await item<Topology>(owner, `${P()}/topology?datacenterId=${dc.id}`);
    const node = (kind: string, name: string) => {
      const found = topo.nodes.find((n) => n.kind === kind && n.name === name);
      expect(found, `${kind} ${name}`).toBeDefined();
      return found!;
    };
    const ext = node('external-network', 'ext-sim');
    const net = node('network', 'qs');
    const subnet = node('subnet', 'qs-subnet');
    const router = node('router', 'qs-router');
    const vm = node('server', 'qs-vm');
    const ip = node('floating-ip', fip.spec.floatingIpAddress);
    expect(net).toMatchObject({
      id: quick.resourceId,
      href: `/console/network/networks/${quick.resourceId}`,
    });
    expect(vm).toMatchObject({
      id: server.resourceId,
      href: `/console/compute/servers/${server.resourceId}`,
    });
    expect(subnet.label).toBe('192.168.50.0/24');
    expect(router.href).toBe(`/console/network/routers/${router.id}`);
    const edges = topo.edges.map((e) => `${e.kind}:${e.from}->${e.to}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        `subnet-of:${subnet.id}->${net.id}`,
        `gateway:${router.id}->${ext.id}`,
        `interface:${router.id}->${subnet.id}`,
        `port:${vm.id}->${subnet.id}`,
        `associated:${ip.id}->${vm.id}`,
        `allocated-from:${ip.id}->${ext.id}`,
      ]),
    );
    expect((await outsider.get(`${P()}/topology?datacenterId=${dc.id}`)).statusCode).toBe(404);
  });
});

describe('ports, port forwarding, deletes and quota', () => {
  test('a port on the quick-start network: created, listed live by network, deleted', async () => {
    const created = await done(
      owner,
      await owner.post(`${P()}/ports`, { networkId: quick.resourceId, name: 'spare' }),
    );
    const port = await item<PortItem>(owner, `/api/v1/ports/${created.resourceId}`);
    expect(port.spec.fixedIps[0]?.ipAddress).toMatch(/^192\.168\.50\./);
    const live = await item<Page<PortItem>>(owner, `${P()}/ports?networkId=${quick.resourceId}`);
    expect(live.items.map((p) => p.id)).toContain(port.id);
    await done(owner, await owner.delete(`/api/v1/ports/${port.id}`));
    expect((await owner.get(`/api/v1/ports/${port.id}`)).statusCode).toBe(404);
  });

  test('port forwarding on an unassociated floating IP: added, shown, removed', async () => {
    const alloc = await done(
      owner,
      await owner.post(`${P()}/floating-ips`, { datacenterId: dc.id, networkId: external.id }),
    );
    const vm = (await item<Page<{ id: string; name: string }>>(owner, `${P()}/servers?q=qs-vm`))
      .items[0]!;
    await done(
      owner,
      await owner.post(`/api/v1/floating-ips/${alloc.resourceId}/actions`, {
        action: 'add-port-forwarding',
        protocol: 'tcp',
        internalPort: 22,
        externalPort: 2222,
        serverId: vm.id,
      }),
    );
    let fip = await item<FloatingIpItem>(owner, `/api/v1/floating-ips/${alloc.resourceId}`);
    expect(fip.spec.portForwardings).toEqual([
      expect.objectContaining({ protocol: 'tcp', internalPort: 22, externalPort: 2222 }),
    ]);
    const clash = await owner.post(`/api/v1/floating-ips/${alloc.resourceId}/actions`, {
      action: 'add-port-forwarding',
      protocol: 'tcp',
      internalPort: 80,
      externalPort: 2222,
      serverId: vm.id,
    });
    expect(json<ErrorBody>(clash).error.details.reason).toBe('port_forwarding_conflict');
    await done(
      owner,
      await owner.post(`/api/v1/floating-ips/${alloc.resourceId}/actions`, {
        action: 'remove-port-forwarding',
        portForwardingId: fip.spec.portForwardings[0]!.externalId,
      }),
    );
    fip = await item<FloatingIpItem>(owner, `/api/v1/floating-ips/${alloc.resourceId}`);
    expect(fip.spec.portForwardings).toEqual([]);
  });

  test('a subnet and its network are deleted through tasks and leave the mirror', async () => {
    const net = await done(
      owner,
      await owner.post(`${P()}/networks`, { datacenterId: dc.id, name: 'scratch' }),
    );
    const sub = await done(
      owner,
      await owner.post(`${P()}/subnets`, {
        networkId: net.resourceId,
        name: 'scratch-v4',
        cidr: '172.16.9.0/24',
      }),
    );
    await done(owner, await owner.delete(`/api/v1/subnets/${sub.resourceId}`));
    const after = await item<NetworkItem>(owner, `/api/v1/networks/${net.resourceId}`);
    expect(after.spec.subnetExternalIds).toEqual([]);
    await done(owner, await owner.delete(`/api/v1/networks/${net.resourceId}`));
    expect((await owner.get(`/api/v1/networks/${net.resourceId}`)).statusCode).toBe(404);
    const deleted = await item<Page<NetworkItem>>(
      owner,
      `${P()}/networks?q=scratch&includeDeleted=true`,
    );
    expect(deleted.items[0]?.deletedAt).toEqual(expect.any(String));
  });

  test('floating IPs count against the project quota; the refusal names it and queues nothing', async () => {
    const quota = await h.admin.post('/api/v1/quotas', {
      scope: 'project',
      projectId: a.otherProject.id,
      resource: 'floating_ips',
      limit: 1,
    });
    expect(quota.statusCode, quota.body).toBe(201);
    const url = `/api/v1/projects/${a.otherProject.id}/floating-ips`;
    const body = { datacenterId: dc.id, networkId: external.id };
    await done(h.admin, await h.admin.post(url, body));
    const before = await h.deps.db.task.count({ where: { projectId: a.otherProject.id } });
    const over = await h.admin.post(url, body);
    expect(over.statusCode).toBe(422);
    expect(json<ErrorBody>(over).error.details).toMatchObject({
      reason: 'quota_exceeded',
      params: { resource: 'floating_ips', limit: 1, used: 1, requested: 1 },
    });
    expect(await h.deps.db.task.count({ where: { projectId: a.otherProject.id } })).toBe(before);
  });
  test('another department gets 404 on ports, security groups and floating IPs, and their actions', async () => {
    const ports = await item<Page<PortItem>>(owner, `${P()}/ports?networkId=${quick.resourceId}`);
    const port = ports.items[0]!;
    const groups = await item<Page<SecurityGroupItem>>(owner, `${P()}/security-groups?q=default`);
    const group = groups.items[0]!;
    const fips = await item<Page<FloatingIpItem>>(owner, `${P()}/floating-ips`);
    const fip = fips.items[0]!;
    for (const url of [
      `/api/v1/ports/${port.id}`,
      `/api/v1/security-groups/${group.id}`,
      `/api/v1/floating-ips/${fip.id}`,
    ]) {
      expect((await outsider.get(url)).statusCode, url).toBe(404);
      expect((await outsider.delete(url)).statusCode, url).toBe(404);
    }
    const rule = await outsider.post(`/api/v1/security-groups/${group.id}/actions`, {
      action: 'add-rule',
      direction: 'ingress',
      protocol: 'tcp',
      portRangeMin: 3389,
    });
    expect(rule.statusCode).toBe(404);
    const act = await outsider.post(`/api/v1/floating-ips/${fip.id}/actions`, {
      action: 'disassociate',
    });
    expect(act.statusCode).toBe(404);
    expect((await outsider.get(`${P()}/ports?networkId=${quick.resourceId}`)).statusCode).toBe(404);
  });
});
