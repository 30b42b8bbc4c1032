import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';

/** Must show 3: a department admin cannot read or change another department's projects, users
 * or quotas — 404, no audit row of a change, no change in the database. */
let h: Harness;
let a: Organisation;
let b: Organisation;
let adminA: Session;
let bQuotaId: string;

const snapshot = async () => {
  const [projects, users, quotas, assignments, departments] = await Promise.all([
    h.deps.db.project.findMany({ orderBy: { id: 'asc' } }),
    h.deps.db.user.findMany({ orderBy: { id: 'asc' }, omit: { updatedAt: true } }),
    h.deps.db.quota.findMany({ orderBy: { id: 'asc' } }),
    h.deps.db.roleAssignment.findMany({ orderBy: { id: 'asc' } }),
    h.deps.db.department.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ projects, users, quotas, assignments, departments });
};

const successRowsAbout = (ids: string[]) =>
  h.deps.db.auditLog.count({
    where: { result: 'success', targetId: { in: ids }, actorName: adminA.username! },
  });

beforeAll(async () => {
  h = await createHarness();
  a = await createOrganisation(h.adminCtx, 'tenant-a');
  b = await createOrganisation(h.adminCtx, 'tenant-b');
  adminA = await h.login(a.deptAdmin.username);
  const created = await h.admin.post('/api/v1/quotas', {
    scope: 'project',
    projectId: b.project.id,
    resource: 'vcpus',
    limit: 0,
  });
  bQuotaId = json<{ id: string }>(created).id;
});
afterAll(() => h.close());

describe('a department admin and another department', () => {
  test('sees only their own department, projects and users in lists', async () => {
    const departments = json<{ items: { id: string }[] }>(
      await adminA.get('/api/v1/departments'),
    ).items.map((d) => d.id);
    expect(departments).toEqual([a.department.id]);
    const projects = json<{ items: { departmentId: string }[] }>(
      await adminA.get('/api/v1/projects'),
    ).items;
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.every((p) => p.departmentId === a.department.id)).toBe(true);
    const users = json<{ items: { departmentId: string }[] }>(
      await adminA.get('/api/v1/users?pageSize=100'),
    ).items;
    expect(users.every((u) => u.departmentId === a.department.id)).toBe(true);
    const quotas = json<{ items: { departmentId: string }[] }>(
      await adminA.get('/api/v1/quotas'),
    ).items;
    expect(quotas.every((q) => q.departmentId === a.department.id)).toBe(true);
    const filtered = await adminA.get(`/api/v1/projects?departmentId=${b.department.id}`);
    expect(json<{ total: number }>(filtered).total).toBe(0);
  });

  const reads = () => [
    `/api/v1/departments/${b.department.id}`,
    `/api/v1/projects/${b.project.id}`,
    `/api/v1/users/${b.member.id}`,
    `/api/v1/users/${b.deptAdmin.id}`,
    `/api/v1/quotas/${bQuotaId}`,
    `/api/v1/quotas?projectId=${b.project.id}`,
    `/api/v1/quotas?departmentId=${b.department.id}`,
  ];

  test('reads of the other department answer 404', async () => {
    for (const url of reads()) {
      const res = await adminA.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(json(res).error, url).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  test('writes to the other department answer 404 and change nothing', async () => {
    const before = await snapshot();
    const writes: [string, () => ReturnType<Session['get']>][] = [
      [
        'rename department',
        () => adminA.patch(`/api/v1/departments/${b.department.id}`, { name: 'pwned' }),
      ],
      ['delete department', () => adminA.delete(`/api/v1/departments/${b.department.id}`)],
      [
        'create project in B',
        () => adminA.post('/api/v1/projects', { name: 'intruder', departmentId: b.department.id }),
      ],
      ['rename project', () => adminA.patch(`/api/v1/projects/${b.project.id}`, { name: 'pwned' })],
      ['delete project', () => adminA.delete(`/api/v1/projects/${b.project.id}`)],
      [
        'create user in B',
        () =>
          adminA.post('/api/v1/users', {
            username: 'intruder',
            password: 'long-enough-pw',
            departmentId: b.department.id,
            roles: [],
          }),
      ],
      [
        'reset password',
        () => adminA.patch(`/api/v1/users/${b.member.id}`, { password: 'long-enough-pw' }),
      ],
      ['disable user', () => adminA.patch(`/api/v1/users/${b.member.id}`, { status: 'disabled' })],
      [
        'grant role in B',
        () =>
          adminA.patch(`/api/v1/users/${b.member.id}`, {
            roles: [{ role: 'project_admin', scope: 'project', projectId: b.project.id }],
          }),
      ],
      ['delete user', () => adminA.delete(`/api/v1/users/${b.member.id}`)],
      [
        'set project quota',
        () =>
          adminA.post('/api/v1/quotas', {
            scope: 'project',
            projectId: b.otherProject.id,
            resource: 'vcpus',
            limit: 5,
          }),
      ],
      ['change quota', () => adminA.patch(`/api/v1/quotas/${bQuotaId}`, { limit: 99 })],
      ['reset quota', () => adminA.delete(`/api/v1/quotas/${bQuotaId}`)],
    ];
    for (const [what, write] of writes) {
      const res = await write();
      expect(res.statusCode, what).toBe(404);
    }
    expect(await snapshot()).toBe(before);
    const ids = [b.department.id, b.project.id, b.otherProject.id, b.member.id, bQuotaId];
    expect(await successRowsAbout(ids)).toBe(0);
    // Failure rows are written in the onResponse hook, after the answer reached the client.
    await expect
      .poll(() =>
        h.deps.db.auditLog.count({ where: { actorName: adminA.username!, result: 'failure' } }),
      )
      .toBeGreaterThanOrEqual(writes.length);
  });

  test('cannot pull a user of another department into their own project', async () => {
    const res = await adminA.patch(`/api/v1/users/${b.member.id}`, {
      roles: [{ role: 'member', scope: 'project', projectId: a.project.id }],
    });
    expect(res.statusCode).toBe(404);
  });

  test('cannot give their own user a role in the other department', async () => {
    const res = await adminA.patch(`/api/v1/users/${a.member.id}`, {
      roles: [{ role: 'member', scope: 'project', projectId: b.project.id }],
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('project-level roles', () => {
  test('a member sees only their project and cannot manage anything', async () => {
    const member = await h.login(a.member.username);
    const projects = json<{ items: { id: string }[] }>(
      await member.get('/api/v1/projects'),
    ).items.map((p) => p.id);
    expect(projects).toEqual([a.project.id]);
    expect((await member.get(`/api/v1/projects/${a.otherProject.id}`)).statusCode).toBe(404);
    expect(
      (await member.patch(`/api/v1/projects/${a.project.id}`, { name: 'renamed' })).statusCode,
    ).toBe(403);
    expect(
      (await member.post('/api/v1/projects', { name: 'mine', departmentId: a.department.id }))
        .statusCode,
    ).toBe(403);
    expect((await member.get('/api/v1/audit-events')).statusCode).toBe(403);
    const me = json<{ menus: string[] }>(await member.get('/api/v1/me'));
    expect(me.menus).not.toContain('admin.users');
    expect(me.menus).toContain('compute');
  });

  test('a project admin manages members of their project only and keeps other assignments intact', async () => {
    const pa = await h.login(a.projectAdmin.username);
    const res = await pa.patch(`/api/v1/users/${a.member.id}`, {
      roles: [{ role: 'project_admin', scope: 'project', projectId: a.project.id }],
    });
    expect(res.statusCode).toBe(200);
    expect(json<{ roles: { role: string; projectId: string }[] }>(res).roles).toEqual([
      expect.objectContaining({ role: 'project_admin', projectId: a.project.id }),
    ]);
    const other = await pa.patch(`/api/v1/users/${a.member.id}`, {
      roles: [{ role: 'member', scope: 'project', projectId: a.otherProject.id }],
    });
    expect(other.statusCode).toBe(404);
    expect(
      (await pa.patch(`/api/v1/users/${a.member.id}`, { status: 'disabled' })).statusCode,
    ).toBe(403);
    expect((await pa.get(`/api/v1/users/${a.deptAdmin.id}`)).statusCode).toBe(404);
  });
});
