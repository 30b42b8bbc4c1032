import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { markResourcesDeleted, upsertResources } from '../src/repositories/resource-repository';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';

/**
 * Safe deletes (docs/adr/0113) against real PostgreSQL: a department, project or datacenter that
 * owns live mirror rows or unfinished tasks is refused with the counts and nothing changes; once
 * everything is gone it is soft-deleted — hidden, its name free, its history kept.
 * (safe-deletes-sim.int.test.ts does the same end to end through the simulated datacenter.)
 */
let h: Harness;
let org: Organisation;
let deptAdmin: Session;
let dcId: string;
const dcName = `dc-${randomBytes(3).toString('hex')}`;

type ErrorBody = {
  error: { code: string; message: string; details: { reason?: string; params?: object } };
};

const mirror = (type: string, externalId: string, projectId: string) =>
  upsertResources(
    h.deps.db,
    dcId,
    type,
    [
      {
        externalId,
        projectId,
        projectExternalId: 'cloud-project-1',
        name: `${type}-1`,
        status: 'available',
        spec: {},
      },
    ],
    new Date(),
  );

const insertTask = (projectId: string, status: 'queued' | 'running' | 'failed') =>
  h.deps.db.task.create({
    data: {
      actorName: 'admin',
      departmentId: org.department.id,
      projectId,
      datacenterId: dcId,
      action: 'volume.create',
      targetType: 'volume',
      targetName: 'v',
      status,
      ...(status === 'failed' ? { finishedAt: new Date() } : {}),
    },
  });

const resourceRows = () =>
  h.deps.db.resource.findMany({ where: { datacenterId: dcId }, orderBy: { type: 'asc' } });

beforeAll(async () => {
  h = await createHarness();
  org = await createOrganisation(h.adminCtx, 'del');
  deptAdmin = await h.login(org.deptAdmin.username);
  const dc = await h.admin.post('/api/v1/datacenters', {
    name: dcName,
    region: 'RegionOne',
    kind: 'openstack',
  });
  expect(dc.statusCode, dc.body).toBe(201);
  dcId = json<{ id: string }>(dc).id;
  await mirror('volume', 'vol-1', org.project.id);
  await mirror('network', 'net-1', org.project.id);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('refusals: 409 with the counts by type, nothing changed', () => {
  test('a project with a live volume and network', async () => {
    const before = await resourceRows();
    const res = await deptAdmin.delete(`/api/v1/projects/${org.project.id}`);
    expect(res.statusCode, res.body).toBe(409);
    const { error } = json<ErrorBody>(res);
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.details).toEqual({
      reason: 'project_not_empty',
      params: { name: org.project.name, volume: 1, network: 1, tasks: 0 },
    });
    expect(error.message).toBe(
      `The project "${org.project.name}" cannot be deleted: it still owns 1 network and 1 volume. Delete those and wait for unfinished tasks to end, then try again. Nothing was changed.`,
    );
    const zh = await deptAdmin.request('DELETE', `/api/v1/projects/${org.project.id}`, undefined, {
      'accept-language': 'zh-CN',
    });
    expect(json<ErrorBody>(zh).error.message).toBe(
      `无法删除项目“${org.project.name}”：它仍拥有 1 个网络、1 个云硬盘。请先删除这些资源并等待未完成的任务结束后再试。未做任何更改。`,
    );
    expect((await deptAdmin.get(`/api/v1/projects/${org.project.id}`)).statusCode).toBe(200);
    expect(await resourceRows()).toEqual(before);
  });

  test('a project with an unfinished task (and no resources)', async () => {
    const task = await insertTask(org.otherProject.id, 'queued');
    const res = await deptAdmin.delete(`/api/v1/projects/${org.otherProject.id}`);
    expect(res.statusCode, res.body).toBe(409);
    expect(json<ErrorBody>(res).error.details.params).toEqual({
      name: org.otherProject.name,
      tasks: 1,
    });
    expect(json<ErrorBody>(res).error.message).toContain('still owns 1 unfinished task.');
    await h.deps.db.task.update({
      where: { id: task.id },
      data: { status: 'failed', finishedAt: new Date() },
    });
  });

  test('a department with projects, users and their live resources', async () => {
    const res = await h.admin.delete(`/api/v1/departments/${org.department.id}`);
    expect(res.statusCode, res.body).toBe(409);
    const { error } = json<ErrorBody>(res);
    expect(error.details).toEqual({
      reason: 'department_not_empty',
      params: { name: org.department.name, projects: 2, users: 3, volume: 1, network: 1, tasks: 0 },
    });
    expect(error.message).toContain('it still owns 2 projects, 3 users, 1 network and 1 volume.');
    expect((await h.admin.get(`/api/v1/departments/${org.department.id}`)).statusCode).toBe(200);
  });

  test('a datacenter that still mirrors live objects', async () => {
    const res = await h.admin.delete(`/api/v1/datacenters/${dcId}`);
    expect(res.statusCode, res.body).toBe(409);
    expect(json<ErrorBody>(res).error.details).toEqual({
      reason: 'datacenter_not_empty',
      params: { name: dcName, volume: 1, network: 1, tasks: 0 },
    });
    expect(json<ErrorBody>(res).error.message).toContain(`The datacenter "${dcName}"`);
    expect((await h.admin.get(`/api/v1/datacenters/${dcId}`)).statusCode).toBe(200);
  });
});

describe('a create racing a delete', () => {
  test('a task inserted before the delete locks the project is counted: 409', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const didInsert = new Promise<void>((r) => (inserted = r));
    const creating = h.deps.db.$transaction(
      async (tx) => {
        await tx.task.create({
          data: {
            actorName: 'admin',
            departmentId: org.department.id,
            projectId: org.otherProject.id,
            datacenterId: dcId,
            action: 'network.create',
            targetType: 'network',
            targetName: 'racer',
          },
        });
        inserted();
        await gate;
      },
      { timeout: 20_000 },
    );
    await didInsert;
    const deleting = deptAdmin.delete(`/api/v1/projects/${org.otherProject.id}`);
    await new Promise((r) => setTimeout(r, 300)); // the delete now waits on the row lock
    release();
    await creating;
    const res = await deleting;
    expect(res.statusCode, res.body).toBe(409);
    expect(json<ErrorBody>(res).error.details.params).toMatchObject({ tasks: 1 });
    await h.deps.db.task.updateMany({
      where: { projectId: org.otherProject.id, status: 'queued' },
      data: { status: 'cancelled', finishedAt: new Date() },
    });
  });

  test('a task inserted while the delete holds the lock waits, then is refused by the database', async () => {
    const victim = await h.admin.post('/api/v1/projects', {
      name: 'race-victim',
      description: '',
      departmentId: org.department.id,
    });
    expect(victim.statusCode, victim.body).toBe(201);
    const id = json<{ id: string }>(victim).id;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const didLock = new Promise<void>((r) => (locked = r));
    // What deleteProject does, held open: lock the row, mark it deleted, commit later.
    const deleting = h.deps.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM project WHERE id = ${id} FOR UPDATE`;
        await tx.project.update({ where: { id }, data: { deletedAt: new Date() } });
        locked();
        await gate;
      },
      { timeout: 20_000 },
    );
    await didLock;
    const creating = insertTask(id, 'queued').then(
      () => 'inserted',
      (e: unknown) => String(e),
    );
    await new Promise((r) => setTimeout(r, 300));
    release();
    await deleting;
    expect(await creating).toContain(`yg_owner_deleted: project ${id} is deleted`);
    expect(await h.deps.db.task.count({ where: { projectId: id } })).toBe(0);
  });

  test('a project created through the API while its department is being deleted: 404, not 5xx', async () => {
    const dept = await h.admin.post('/api/v1/departments', {
      name: `race-${dcName}`,
      description: '',
    });
    expect(dept.statusCode, dept.body).toBe(201);
    const id = json<{ id: string }>(dept).id;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const didLock = new Promise<void>((r) => (locked = r));
    const deleting = h.deps.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM department WHERE id = ${id} FOR UPDATE`;
        await tx.department.update({ where: { id }, data: { deletedAt: new Date() } });
        locked();
        await gate;
      },
      { timeout: 20_000 },
    );
    await didLock;
    const creating = h.admin.post('/api/v1/projects', {
      name: 'late',
      description: '',
      departmentId: id,
    });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await deleting;
    const res = await creating;
    expect(res.statusCode, res.body).toBe(404);
    expect(json<ErrorBody>(res).error.details).toEqual({
      reason: 'not_found',
      params: { entity: 'department' },
    });
    expect(await h.deps.db.project.count({ where: { departmentId: id } })).toBe(0);
  });
});

describe('once everything is gone: a soft delete that keeps history', () => {
  test('a project without live resources goes; its tasks and mirror rows stay; its name is free', async () => {
    const tasksBefore = await h.deps.db.task.count({ where: { projectId: org.otherProject.id } });
    expect(tasksBefore).toBe(2);
    const res = await deptAdmin.delete(`/api/v1/projects/${org.otherProject.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect((await deptAdmin.get(`/api/v1/projects/${org.otherProject.id}`)).statusCode).toBe(404);
    const list = json<{ items: { id: string }[] }>(
      await deptAdmin.get(`/api/v1/projects?departmentId=${org.department.id}&pageSize=100`),
    );
    expect(list.items.map((p) => p.id)).not.toContain(org.otherProject.id);
    expect(await h.deps.db.task.count({ where: { projectId: org.otherProject.id } })).toBe(2);
    const again = await deptAdmin.post('/api/v1/projects', {
      name: org.otherProject.name,
      description: '',
      departmentId: org.department.id,
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(
      (await deptAdmin.delete(`/api/v1/projects/${json<{ id: string }>(again).id}`)).statusCode,
    ).toBe(204);
  });

  test('after its volume and network are deleted in the cloud the project goes; the mirror keeps them', async () => {
    await markResourcesDeleted(h.deps.db, dcId, 'volume', ['vol-1'], new Date());
    await markResourcesDeleted(h.deps.db, dcId, 'network', ['net-1'], new Date());
    const res = await deptAdmin.delete(`/api/v1/projects/${org.project.id}`);
    expect(res.statusCode, res.body).toBe(204);
    const rows = await resourceRows();
    expect(rows.map((r) => [r.type, r.projectId, r.deletedAt !== null])).toEqual([
      ['network', org.project.id, true],
      ['volume', org.project.id, true],
    ]);
    expect(await h.deps.db.project.count({ where: { id: org.project.id } })).toBe(1);
    expect(await h.deps.db.roleAssignment.count({ where: { projectId: org.project.id } })).toBe(0);
  });

  test('a hard DELETE of a project with history is refused by the foreign keys', async () => {
    await expect(h.deps.db.project.delete({ where: { id: org.project.id } })).rejects.toThrow();
    expect(await h.deps.db.task.count({ where: { projectId: org.otherProject.id } })).toBe(2);
  });

  test('a department without projects but with users is refused, then goes once they are gone', async () => {
    const refused = await h.admin.delete(`/api/v1/departments/${org.department.id}`);
    expect(refused.statusCode).toBe(409);
    expect(json<ErrorBody>(refused).error.details.params).toEqual({
      name: org.department.name,
      projects: 0,
      users: 3,
      tasks: 0,
    });
    for (const u of [org.deptAdmin, org.projectAdmin, org.member])
      expect((await h.admin.delete(`/api/v1/users/${u.id}`)).statusCode).toBe(204);
    const res = await h.admin.delete(`/api/v1/departments/${org.department.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect((await h.admin.get(`/api/v1/departments/${org.department.id}`)).statusCode).toBe(404);
    const list = json<{ items: { id: string }[] }>(
      await h.admin.get('/api/v1/departments?pageSize=100'),
    );
    expect(list.items.map((d) => d.id)).not.toContain(org.department.id);
    const again = await h.admin.post('/api/v1/departments', {
      name: org.department.name,
      description: '',
    });
    expect(again.statusCode, again.body).toBe(201);
    const stale = await h.admin.post('/api/v1/projects', {
      name: 'late',
      description: '',
      departmentId: org.department.id,
    });
    expect(stale.statusCode).toBe(404);
  });

  test('a datacenter with only history goes: hidden, name free, its tasks and mirror kept', async () => {
    const res = await h.admin.delete(`/api/v1/datacenters/${dcId}`);
    expect(res.statusCode, res.body).toBe(204);
    expect((await h.admin.get(`/api/v1/datacenters/${dcId}`)).statusCode).toBe(404);
    const list = json<{ items: { id: string }[] }>(await h.admin.get('/api/v1/datacenters'));
    expect(list.items.map((d) => d.id)).not.toContain(dcId);
    expect(await resourceRows()).toHaveLength(2);
    expect(await h.deps.db.task.count({ where: { datacenterId: dcId } })).toBe(2);
    const again = await h.admin.post('/api/v1/datacenters', {
      name: dcName,
      region: 'RegionOne',
      kind: 'openstack',
    });
    expect(again.statusCode, again.body).toBe(201);
  });
});
