import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness } from './harness';

type Event = {
  action: string;
  actorName: string;
  result: string;
  targetName: string | null;
  sourceIp: string | null;
  departmentId: string | null;
};
let h: Harness;
let org: Organisation;

beforeAll(async () => {
  h = await createHarness();
  org = await createOrganisation(h.adminCtx, 'audit');
});
afterAll(() => h.close());

const events = async (query: string, session = h.admin) =>
  json<{ items: Event[]; total: number }>(await session.get(`/api/v1/audit-events?${query}`));

describe('audit log', () => {
  test('mutations and logins are recorded with actor, action, target, source IP and result', async () => {
    await h.admin.post('/api/v1/projects', { name: 'audited', departmentId: org.department.id });
    await h.anonymous.post('/api/v1/auth/login', {
      username: org.member.username,
      password: 'wrong-password',
    });
    const created = (await events('action=project.create')).items.find(
      (e) => e.targetName === 'audited',
    );
    expect(created).toMatchObject({
      actorName: 'root-admin',
      result: 'success',
      departmentId: org.department.id,
      sourceIp: '127.0.0.1',
    });
    const failed = (await events(`action=auth.login&result=failure&actor=${org.member.username}`))
      .items;
    expect(failed.length).toBeGreaterThan(0);
  });

  test('refused mutations leave a failure row', async () => {
    const member = await h.login(org.member.username);
    await member.post('/api/v1/projects', { name: 'nope', departmentId: org.department.id });
    // Written in the onResponse hook, after the answer reached the client.
    await expect
      .poll(async () => (await events(`actor=${org.member.username}&action=project.create`)).items)
      .toEqual([expect.objectContaining({ result: 'failure' })]);
  });

  test('search by time window', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await events(`from=${future}`)).total).toBe(0);
    expect((await events(`to=${future}`)).total).toBeGreaterThan(0);
  });

  test('a department admin sees only events of their department', async () => {
    const other = await createOrganisation(h.adminCtx, 'audit-other');
    const da = await h.login(org.deptAdmin.username);
    const seen = (await events('pageSize=500', da)).items;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.departmentId === org.department.id)).toBe(true);
    expect(seen.some((e) => e.departmentId === other.department.id)).toBe(false);
  });

  test('CSV export carries every match, quoted safely', async () => {
    await h.admin.post('/api/v1/departments', { name: '=cmd|calc, "quoted"' });
    const res = await h.admin.get('/api/v1/audit-events?format=csv&action=department.create');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toContain('actorName,action');
    const total = (await events('action=department.create')).total;
    expect(lines).toHaveLength(total + 1);
    expect(res.body).toContain(`"'=cmd|calc, ""quoted"""`);
  });

  test('the table is append-only at the database level', async () => {
    await expect(h.deps.db.$executeRaw`UPDATE audit_log SET result = 'success'`).rejects.toThrow(
      /append-only/,
    );
    await expect(h.deps.db.$executeRaw`DELETE FROM audit_log`).rejects.toThrow(/append-only/);
  });
});
