import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';

type Quota = {
  id: string | null;
  resource: string;
  limit: number;
  isDefault: boolean;
  allocated: number | null;
};
let h: Harness;
let org: Organisation;
let deptAdmin: Session;

const quotasOf = async (s: Session, query: string) =>
  json<{ items: Quota[] }>(await s.get(`/api/v1/quotas?${query}`)).items;
const find = (items: Quota[], resource: string) => items.find((q) => q.resource === resource)!;

beforeAll(async () => {
  h = await createHarness();
  org = await createOrganisation(h.adminCtx, 'quota');
  deptAdmin = await h.login(org.deptAdmin.username);
});
afterAll(() => h.close());

describe('quotas', () => {
  test('defaults: every resource, unlimited, marked as default', async () => {
    const items = await quotasOf(h.admin, `departmentId=${org.department.id}`);
    expect(items.map((q) => q.resource).sort()).toEqual([
      'backups',
      'floating_ips',
      'instances',
      'load_balancers',
      'networks',
      'ram_mb',
      'security_groups',
      'snapshots',
      'vcpus',
      'volume_gb',
      'volumes',
    ]);
    expect(items.every((q) => q.limit === -1 && q.isDefault)).toBe(true);
  });

  test('only a super admin sets department quotas; a department admin splits them among projects', async () => {
    const own = await deptAdmin.post('/api/v1/quotas', {
      scope: 'department',
      departmentId: org.department.id,
      resource: 'vcpus',
      limit: 100,
    });
    expect(own.statusCode).toBe(403);
    const set = await h.admin.post('/api/v1/quotas', {
      scope: 'department',
      departmentId: org.department.id,
      resource: 'vcpus',
      limit: 20,
    });
    expect(set.statusCode).toBe(201);
    // Under a limited department, a project without its own row has 0.
    expect(find(await quotasOf(deptAdmin, `projectId=${org.project.id}`), 'vcpus')).toMatchObject({
      limit: 0,
      isDefault: true,
    });
    const p1 = await deptAdmin.post('/api/v1/quotas', {
      scope: 'project',
      projectId: org.project.id,
      resource: 'vcpus',
      limit: 12,
    });
    expect(p1.statusCode).toBe(201);
    const exact = await deptAdmin.post('/api/v1/quotas', {
      scope: 'project',
      projectId: org.otherProject.id,
      resource: 'vcpus',
      limit: 8,
    });
    expect(exact.statusCode).toBe(201);
    expect(
      find(await quotasOf(deptAdmin, `departmentId=${org.department.id}`), 'vcpus'),
    ).toMatchObject({ limit: 20, allocated: 20 });
  });

  test('a project quota above what the department has left is refused with the numbers, and nothing changes', async () => {
    const row = find(await quotasOf(deptAdmin, `projectId=${org.otherProject.id}`), 'vcpus');
    const res = await deptAdmin.patch(`/api/v1/quotas/${row.id}`, { limit: 9 });
    expect(res.statusCode).toBe(422);
    const error = json<{
      error: {
        code: string;
        message: string;
        details: { reason: string; params: Record<string, number | string> };
      };
    }>(res).error;
    expect(error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: {
        reason: 'project_exceeds_department',
        params: { limit: 9, remaining: 8, departmentLimit: 20 },
      },
    });
    expect(error.message).toContain('8 of 20');
    expect(find(await quotasOf(deptAdmin, `projectId=${org.otherProject.id}`), 'vcpus').limit).toBe(
      8,
    );
    const unlimited = await deptAdmin.patch(`/api/v1/quotas/${row.id}`, { limit: -1 });
    expect(json(unlimited).error).toMatchObject({
      details: { reason: 'project_unlimited_in_limited_department' },
    });
  });

  test('a department limit below what its projects hold is refused', async () => {
    const row = find(await quotasOf(h.admin, `departmentId=${org.department.id}`), 'vcpus');
    const res = await h.admin.patch(`/api/v1/quotas/${row.id}`, { limit: 15 });
    expect(res.statusCode).toBe(422);
    expect(json(res).error).toMatchObject({
      details: { reason: 'department_below_allocated', params: { allocated: 20 } },
    });
    expect((await h.admin.patch(`/api/v1/quotas/${row.id}`, { limit: 30 })).statusCode).toBe(200);
  });

  test('a second row for the same resource is a conflict; delete returns to the default', async () => {
    const dup = await deptAdmin.post('/api/v1/quotas', {
      scope: 'project',
      projectId: org.project.id,
      resource: 'vcpus',
      limit: 1,
    });
    expect(dup.statusCode).toBe(409);
    const row = find(await quotasOf(deptAdmin, `projectId=${org.project.id}`), 'vcpus');
    expect((await deptAdmin.delete(`/api/v1/quotas/${row.id}`)).statusCode).toBe(204);
    expect(find(await quotasOf(deptAdmin, `projectId=${org.project.id}`), 'vcpus')).toMatchObject({
      id: null,
      limit: 0,
      isDefault: true,
    });
  });

  test('concurrent allocations cannot overshoot the department', async () => {
    const o = await createOrganisation(h.adminCtx, 'race');
    await h.admin.post('/api/v1/quotas', {
      scope: 'department',
      departmentId: o.department.id,
      resource: 'instances',
      limit: 10,
    });
    const da = await h.login(o.deptAdmin.username);
    const results = await Promise.all([
      da.post('/api/v1/quotas', {
        scope: 'project',
        projectId: o.project.id,
        resource: 'instances',
        limit: 7,
      }),
      da.post('/api/v1/quotas', {
        scope: 'project',
        projectId: o.otherProject.id,
        resource: 'instances',
        limit: 7,
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
  });

  test('a member reads their project quota but cannot change it', async () => {
    const member = await h.login(org.member.username);
    const items = await quotasOf(member, `projectId=${org.project.id}`);
    expect(items).toHaveLength(11);
    const res = await member.post('/api/v1/quotas', {
      scope: 'project',
      projectId: org.project.id,
      resource: 'volumes',
      limit: 1,
    });
    expect(res.statusCode).toBe(403);
  });
});
