import type { CloudProvider, Scope } from '@yunguan/cloud-core';
import type {
  FirewallGroupItem,
  FirewallPolicyItem,
  FirewallRuleItem,
  Task,
} from '@yunguan/contract';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { providerForDatacenter } from '../src/cloud/provider-for-datacenter';
import { scopeForProject } from '../src/cloud/scope-for-project';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';
import {
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';
import { fastTasks, startInProcessTaskWorker, waitForTask } from './task-fixtures';
import { networkOf } from '../src/cloud/sub-port';

/** FWaaS v2 through the real tunnel to the simulated datacenter, with a real worker. */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let worker: Worker;
let owner: Session;
let outsider: Session;
let routerPortId: string;
let plainPortId: string;

type ErrorBody = {
  error: {
    code: string;
    message: string;
    details: { reason?: string; issues?: { path: string }[] };
  };
};

/** A project network with a router interface (what firewall groups bind) and a plain port. */
const prepareRouterPort = async (provider: CloudProvider, scope: Scope) => {
  const network = await networkOf(provider).createNetwork(scope, { name: 'fw-net' });
  const subnet = await networkOf(provider).createSubnet(scope, {
    networkExternalId: network.externalId,
    name: 'fw-subnet',
    cidr: '10.61.0.0/24',
    ipVersion: 4,
    enableDhcp: true,
  });
  const router = await networkOf(provider).createRouter(scope, { name: 'fw-router' });
  await networkOf(provider).addRouterInterface(scope, router.externalId, subnet.externalId);
  const ports = await networkOf(provider).listPorts(scope, { deviceExternalId: router.externalId });
  const plain = await networkOf(provider).createPort(scope, {
    networkExternalId: network.externalId,
    name: 'fw-plain',
  });
  return { routerPort: ports[0]!.externalId, plainPort: plain.externalId };
};

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'fwa');
  b = await createOrganisation(h.adminCtx, 'fwb');
  const deps = { db: h.deps.db, config: h.deps.config };
  const { provider } = await providerForDatacenter(deps, dc.id);
  const scope = await scopeForProject(deps, provider, dc.id, a.project.id);
  const ports = await prepareRouterPort(provider, scope);
  routerPortId = ports.routerPort;
  plainPortId = ports.plainPort;
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  outsider = await h.login(b.deptAdmin.username);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const base = (kind: string) => `/api/v1/projects/${a.project.id}/${kind}`;

const accepted = async (res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(202);
  const task = json<{ task: Task }>(res as never).task;
  const done = await waitForTask(owner, task.id);
  expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
  return done;
};

const errorOf = (res: { statusCode: number; body: string }) => json<ErrorBody>(res as never).error;

let rule: FirewallRuleItem;
let policy: FirewallPolicyItem;
let group: FirewallGroupItem;

describe('firewall rules', () => {
  test('the datacenter list reports the sim as able to do firewalls and load balancers', async () => {
    const res = await owner.get('/api/v1/catalog/datacenters');
    expect(res.statusCode, res.body).toBe(200);
    const mine = json<{ items: { id: string; capabilities: string[] }[] }>(res).items.find(
      (d) => d.id === dc.id,
    );
    expect(mine?.capabilities).toEqual(expect.arrayContaining(['firewall', 'load-balancer']));
  });

  test('a rule is created by a task and shown with its protocol, action, addresses and ports', async () => {
    const done = await accepted(
      await owner.post(base('firewall-rules'), {
        datacenterId: dc.id,
        name: 'web-in',
        protocol: 'tcp',
        action: 'allow',
        sourceIpAddress: '10.0.0.0/8',
        destinationPort: '8000:8080',
      }),
    );
    expect(done.steps.map((s) => [s.key, s.status])).toEqual([
      ['submit', 'succeeded'],
      ['record', 'succeeded'],
    ]);
    const res = await owner.get(`/api/v1/firewall-rules/${done.resourceId}`);
    expect(res.statusCode, res.body).toBe(200);
    rule = json<FirewallRuleItem>(res);
    expect(rule).toMatchObject({
      kind: 'firewall-rule',
      name: 'web-in',
      status: 'ACTIVE',
      projectId: a.project.id,
      spec: {
        protocol: 'tcp',
        action: 'allow',
        ipVersion: 4,
        sourceIpAddress: '10.0.0.0/8',
        destinationPort: '8000:8080',
        enabled: true,
      },
    });
  });

  test('bad input is a 400 naming the field, and no task is queued', async () => {
    const before = await h.deps.db.task.count();
    for (const [extra, field] of [
      [{ protocol: 'tcp', destinationPort: '8080:8000' }, 'destinationPort'],
      [{ protocol: 'icmp', destinationPort: '80' }, 'destinationPort'],
      [{ sourceIpAddress: '10.0.0.0/40' }, 'sourceIpAddress'],
      [{ action: 'drop' }, 'action'],
    ] as const) {
      const res = await owner.post(base('firewall-rules'), {
        datacenterId: dc.id,
        name: 'bad',
        action: 'deny',
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(errorOf(res).details.issues)).toContain(field);
    }
    expect(await h.deps.db.task.count()).toBe(before);
  });

  test('the same Idempotency-Key answers with the same task; another request with it is a 409', async () => {
    const body = {
      datacenterId: dc.id,
      name: 'dns-out',
      protocol: 'udp',
      action: 'allow',
      destinationPort: '53',
    };
    const key = { 'idempotency-key': 'fw-rule-dns-0001' };
    const first = await owner.request('POST', base('firewall-rules'), body, key);
    expect(first.statusCode, first.body).toBe(202);
    const again = await owner.request('POST', base('firewall-rules'), body, key);
    expect(json<{ task: Task }>(again).task.id).toBe(json<{ task: Task }>(first).task.id);
    const other = await owner.request('POST', base('firewall-rules'), { ...body, name: 'x' }, key);
    expect(other.statusCode).toBe(409);
    expect(errorOf(other).details.reason).toBe('idempotency_key_reused');
    const done = await waitForTask(owner, json<{ task: Task }>(first).task.id);
    expect(done.status).toBe('succeeded');
    const after = await owner.request('POST', base('firewall-rules'), body, key);
    expect(after.statusCode, after.body).toBe(202);
    expect(json<{ task: Task }>(after).task.id).toBe(done.id);
    // A delete retried after it succeeded (the rule is gone) gets its task back, not a 404.
    const url = `/api/v1/firewall-rules/${done.resourceId}`;
    const deleteKey = { 'idempotency-key': 'fw-rule-dns-delete' };
    const deleted = await accepted(await owner.request('DELETE', url, undefined, deleteKey));
    const retried = await owner.request('DELETE', url, undefined, deleteKey);
    expect(retried.statusCode, retried.body).toBe(202);
    expect(json<{ task: Task }>(retried).task.id).toBe(deleted.id);
  });

  test('list: search, CSV with the rule columns', async () => {
    const page = json<{ items: FirewallRuleItem[]; total: number }>(
      await owner.get(`${base('firewall-rules')}?q=web`),
    );
    expect(page.items.map((r) => r.name)).toEqual(['web-in']);
    const csv = await owner.get(`${base('firewall-rules')}?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('protocol,action');
    expect(lines[1]).toContain('web-in');
    expect(lines[1]).toContain('8000:8080');
  });
});

describe('firewall policies and groups', () => {
  test('a policy lists the project rules in order', async () => {
    const done = await accepted(
      await owner.post(base('firewall-policies'), {
        datacenterId: dc.id,
        name: 'edge',
        ruleIds: [rule.id],
      }),
    );
    policy = json<FirewallPolicyItem>(
      await owner.get(`/api/v1/firewall-policies/${done.resourceId}`),
    );
    expect(policy.spec.ruleExternalIds).toEqual([rule.externalId]);
  });

  test('another department cannot see the rule, nor use it in its own policy (404)', async () => {
    expect((await outsider.get(`/api/v1/firewall-rules/${rule.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/firewall-policies/${policy.id}`)).statusCode).toBe(404);
    const res = await outsider.post(`/api/v1/projects/${b.project.id}/firewall-policies`, {
      datacenterId: dc.id,
      name: 'steal',
      ruleIds: [rule.id],
    });
    expect(res.statusCode, res.body).toBe(404);
    const del = await outsider.request('DELETE', `/api/v1/firewall-rules/${rule.id}`);
    expect(del.statusCode).toBe(404);
  });

  test('a group without ports is INACTIVE; binding a router interface makes it ACTIVE', async () => {
    const done = await accepted(
      await owner.post(base('firewall-groups'), {
        datacenterId: dc.id,
        name: 'edge-fw',
        ingressPolicyId: policy.id,
      }),
    );
    expect(done.steps.map((s) => s.key)).toEqual(['submit', 'wait', 'record']);
    group = json<FirewallGroupItem>(await owner.get(`/api/v1/firewall-groups/${done.resourceId}`));
    expect(group).toMatchObject({
      status: 'INACTIVE',
      spec: { ingressPolicyExternalId: policy.externalId },
    });
    await accepted(
      await owner.post(`/api/v1/firewall-groups/${group.id}/actions`, {
        action: 'update',
        portIds: [routerPortId],
      }),
    );
    group = json<FirewallGroupItem>(await owner.get(`/api/v1/firewall-groups/${group.id}`));
    expect(group).toMatchObject({ status: 'ACTIVE', spec: { portExternalIds: [routerPortId] } });
    const listed = json<{ items: FirewallGroupItem[] }>(
      await owner.get(`${base('firewall-groups')}?status=ACTIVE`),
    );
    expect(listed.items.map((g) => g.id)).toEqual([group.id]);
  });

  test('a port that is not a router interface is a 400; an unknown policy a 404', async () => {
    const notRouter = await owner.post(base('firewall-groups'), {
      datacenterId: dc.id,
      name: 'bad-port',
      portIds: [plainPortId],
    });
    expect(notRouter.statusCode, notRouter.body).toBe(400);
    expect(errorOf(notRouter).details.reason).toBe('firewall_port_not_router');
    const unknown = await owner.post(base('firewall-groups'), {
      datacenterId: dc.id,
      name: 'bad-policy',
      egressPolicyId: '00000000-0000-0000-0000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
  });

  test('a rule a policy uses and a policy a group uses cannot be deleted (409)', async () => {
    const ruleDel = await owner.request('DELETE', `/api/v1/firewall-rules/${rule.id}`);
    expect(ruleDel.statusCode).toBe(409);
    expect(errorOf(ruleDel).details.reason).toBe('firewall_rule_in_use');
    expect(errorOf(ruleDel).message).toContain('edge');
    const policyDel = await owner.request('DELETE', `/api/v1/firewall-policies/${policy.id}`);
    expect(policyDel.statusCode).toBe(409);
    expect(errorOf(policyDel).details.reason).toBe('firewall_policy_in_use');
  });

  test('an update with nothing in it is a 400', async () => {
    const res = await owner.post(`/api/v1/firewall-groups/${group.id}/actions`, {
      action: 'update',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details.reason).toBe('firewall_group_nothing_to_update');
  });

  test('delete: the group releases its ports first, then the policy and the rule can go', async () => {
    const groupDone = await accepted(
      await owner.request('DELETE', `/api/v1/firewall-groups/${group.id}`),
    );
    expect(groupDone.steps.find((s) => s.key === 'ports')?.detail).toContain('1 port(s) released');
    expect((await owner.get(`/api/v1/firewall-groups/${group.id}`)).statusCode).toBe(404);
    await accepted(
      await owner.post(`/api/v1/firewall-policies/${policy.id}/actions`, {
        action: 'update',
        ruleIds: [],
      }),
    );
    await accepted(await owner.request('DELETE', `/api/v1/firewall-rules/${rule.id}`));
    await accepted(await owner.request('DELETE', `/api/v1/firewall-policies/${policy.id}`));
    const gone = json<{ items: FirewallRuleItem[] }>(
      await owner.get(`${base('firewall-rules')}?includeDeleted=true`),
    );
    expect(gone.items.find((r) => r.id === rule.id)?.deletedAt).toEqual(expect.any(String));
    const cloud = await dc.cloud.request<{ firewall_rules: { id: string }[] }>(
      'GET',
      '/network/v2.0/fwaas/firewall_rules',
    );
    expect(cloud.body.firewall_rules.map((r) => r.id)).not.toContain(rule.externalId);
  });
});
