import type { Overview, Task } from '@yunguan/contract';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';

/** 概览 within each reach, and the task center's filters (GET /api/v1/tasks). */
let h: Harness;
let a: Organisation;
let b: Organisation;
let dcId: string;
let member: Session;
let deptAdmin: Session;

const resource = (projectId: string, type: string, name: string, status: string, spec = {}) =>
  h.deps.db.resource.create({
    data: {
      datacenterId: dcId,
      projectId,
      type,
      externalId: `${name}-ext`,
      name,
      status,
      spec,
      firstSeenAt: new Date(),
      lastSeenAt: new Date(),
    },
  });

const task = (
  org: Organisation,
  action: string,
  status: string,
  targetName: string,
  createdAt = new Date(),
) =>
  h.deps.db.task.create({
    data: {
      actorName: 'seed',
      departmentId: org.department.id,
      projectId: org.project.id,
      datacenterId: dcId,
      action,
      targetType: action.slice(0, action.indexOf('.')),
      targetName,
      status,
      createdAt,
      // Finished tasks carry their end (a check constraint), failed ones a reason.
      ...(status === 'running' ? {} : { finishedAt: createdAt }),
      ...(status === 'failed'
        ? { errorReason: 'cloud_operation_failed', errorParams: {}, errorMessage: 'failed' }
        : {}),
    },
  });

beforeAll(async () => {
  h = await createHarness();
  a = await createOrganisation(h.adminCtx, 'ova');
  b = await createOrganisation(h.adminCtx, 'ovb');
  const dc = await h.admin.post('/api/v1/datacenters', {
    name: 'ov-dc',
    region: 'ov-1',
    kind: 'openstack',
  });
  expect(dc.statusCode).toBe(201);
  dcId = json<{ id: string }>(dc).id;
  await resource(a.project.id, 'server', 'ova-web', 'active', {
    flavor: { vcpus: 2, ramMb: 2048 },
  });
  await resource(a.project.id, 'server', 'ova-db', 'stopped', {
    flavor: { vcpus: 4, ramMb: 4096 },
  });
  await resource(a.project.id, 'volume', 'ova-data', 'available', { sizeGb: 20 });
  await resource(b.project.id, 'server', 'ovb-web', 'active', {
    flavor: { vcpus: 8, ramMb: 8192 },
  });
  await task(a, 'server.stop', 'running', 'ova-db');
  await task(a, 'volume.create', 'succeeded', 'ova-data', new Date(Date.now() - 3 * 86_400_000));
  await task(b, 'server.create', 'failed', 'ovb-web');
  const limit = await h.admin.post('/api/v1/quotas', {
    scope: 'department',
    departmentId: a.department.id,
    resource: 'vcpus',
    limit: 40,
  });
  expect(limit.statusCode).toBe(201);
  member = await h.login(a.member.username);
  deptAdmin = await h.login(a.deptAdmin.username);
});
afterAll(async () => h?.close());

const overviewOf = async (s: Session) => {
  const res = await s.get('/api/v1/overview');
  expect(res.statusCode, res.body).toBe(200);
  return json<Overview>(res);
};
const count = (o: Overview, type: string, status: string) =>
  o.resources.find((r) => r.type === type && r.status === status)?.count ?? 0;

describe('GET /api/v1/overview', () => {
  test('a member sees their project only: resources, project quotas, tasks, datacenter health', async () => {
    const o = await overviewOf(member);
    expect(o.reach).toBe('projects');
    expect(o.projectCount).toBe(1);
    expect(count(o, 'server', 'active')).toBe(1);
    expect(count(o, 'server', 'stopped')).toBe(1);
    expect(count(o, 'volume', 'available')).toBe(1);
    const names = [...o.tasks.recent, ...o.tasks.active].map((t) => t.targetName);
    expect(names).not.toContain('ovb-web');
    expect(o.tasks.active.map((t) => t.targetName)).toEqual(['ova-db']);
    expect(o.tasks.activeCount).toBe(1);
    expect(o.tasks.failedLastDay).toBe(0);
    // The project's own limits: under a limited department a project without a row has 0.
    expect(o.quotas.find((q) => q.resource === 'vcpus')).toMatchObject({
      scope: 'project',
      ownerName: a.project.name,
      used: 6,
      limit: 0,
    });
    expect(o.datacenters.find((d) => d.id === dcId)).toMatchObject({
      name: 'ov-dc',
      tunnel: 'offline',
      sync: 'idle',
      lastSyncAt: null,
    });
  });

  test('a department admin sees the department’s limit against what its projects use', async () => {
    const o = await overviewOf(deptAdmin);
    expect(o.reach).toBe('projects');
    expect(o.projectCount).toBe(2);
    expect(o.quotas.find((q) => q.resource === 'vcpus')).toMatchObject({
      scope: 'department',
      ownerId: a.department.id,
      used: 6,
      limit: 40,
    });
    expect(count(o, 'server', 'active')).toBe(1);
  });

  test('a platform admin sees every project and the failures of the last day', async () => {
    const o = await overviewOf(h.admin);
    expect(o.reach).toBe('platform');
    expect(count(o, 'server', 'active')).toBeGreaterThanOrEqual(2);
    expect(o.tasks.failedLastDay).toBeGreaterThanOrEqual(1);
    expect(o.tasks.recent.length).toBeLessThanOrEqual(5);
    expect(o.tasks.recent.map((t) => t.targetName)).toContain('ovb-web');
  });
});

describe('GET /api/v1/tasks filters', () => {
  const names = async (s: Session, query: string) => {
    const res = await s.get(`/api/v1/tasks?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return json<{ items: Task[] }>(res).items.map((t) => t.targetName);
  };

  test('by object type and by creation time, within the caller’s projects', async () => {
    expect(await names(member, 'targetType=volume')).toEqual(['ova-data']);
    expect(await names(member, 'targetType=server')).toEqual(['ova-db']);
    const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
    expect(await names(member, `createdFrom=${dayAgo}`)).toEqual(['ova-db']);
    expect(await names(member, `createdTo=${dayAgo}`)).toEqual(['ova-data']);
    expect(await names(member, 'targetType=server&status=failed')).toEqual([]);
    expect(await names(h.admin, 'targetType=server&status=failed')).toContain('ovb-web');
  });

  test('a malformed time is a validation error, not a 5xx', async () => {
    const res = await member.get('/api/v1/tasks?createdFrom=yesterday');
    expect(res.statusCode).toBe(400);
  });
});
