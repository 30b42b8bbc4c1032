import type { Task } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, expect, test } from 'vitest';
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
 * Safe deletes end to end (docs/adr/0113): a server created through the API in the simulated
 * datacenter (real tunnel, real worker) keeps its project, department and datacenter from being
 * deleted; once the server is deleted the project goes and its history stays.
 */
let h: Harness;
let dc: SimDatacenter;
let org: Organisation;
let sim: SimTargets;
let worker: Worker;
let member: Session;
let deptAdmin: Session;
let created: Task;

type ErrorBody = {
  error: { code: string; message: string; details: { reason?: string; params?: object } };
};

const projectHistory = async () => ({
  tasks: await h.deps.db.task.findMany({
    where: { projectId: org.project.id },
    orderBy: { createdAt: 'asc' },
  }),
  server: await h.deps.db.resource.findUnique({ where: { id: created.resourceId! } }),
  project: await h.deps.db.project.findUnique({ where: { id: org.project.id } }),
});

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  dc = await startSimDatacenterForPortal(h);
  org = await createOrganisation(h.adminCtx, 'sdel');
  sim = await prepareSimProject(h, dc, org.project.id);
  worker = await startInProcessTaskWorker(h);
  member = await h.login(org.member.username);
  deptAdmin = await h.login(org.deptAdmin.username);
  const res = await member.post(`/api/v1/projects/${org.project.id}/servers`, {
    datacenterId: dc.id,
    name: 'keeper',
    flavorId: '1',
    imageId: sim.imageId,
    networkIds: [sim.networkId],
  });
  expect(res.statusCode, res.body).toBe(202);
  created = await waitForTask(member, json<{ task: Task }>(res).task.id);
  expect(created.status, JSON.stringify(created.error)).toBe('succeeded');
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

test('DELETE of the project that owns a live server: 409 naming it; project, tasks and mirror row unchanged', async () => {
  const before = await projectHistory();
  expect(before.server).toMatchObject({ type: 'server', status: 'active', deletedAt: null });
  const res = await deptAdmin.delete(`/api/v1/projects/${org.project.id}`);
  expect(res.statusCode, res.body).toBe(409);
  const { error } = json<ErrorBody>(res);
  expect(error.details).toEqual({
    reason: 'project_not_empty',
    params: { name: org.project.name, server: 1, tasks: 0 },
  });
  expect(error.message).toBe(
    `The project "${org.project.name}" cannot be deleted: it still owns 1 server. Delete those and wait for unfinished tasks to end, then try again. Nothing was changed.`,
  );
  expect(await projectHistory()).toEqual(before);
  expect((await member.get(`/api/v1/servers/${created.resourceId}`)).statusCode).toBe(200);
});

test('DELETE of its datacenter and of its department: 409 naming the server', async () => {
  const before = await projectHistory();
  const dcRes = await h.admin.delete(`/api/v1/datacenters/${dc.id}`);
  expect(dcRes.statusCode, dcRes.body).toBe(409);
  expect(json<ErrorBody>(dcRes).error.details.params).toMatchObject({ server: 1, tasks: 0 });
  expect(json<ErrorBody>(dcRes).error.message).toContain('it still owns 1 server');
  const deptRes = await h.admin.delete(`/api/v1/departments/${org.department.id}`);
  expect(deptRes.statusCode, deptRes.body).toBe(409);
  expect(json<ErrorBody>(deptRes).error.details.params).toEqual({
    name: org.department.name,
    projects: 2,
    users: 3,
    server: 1,
    tasks: 0,
  });
  expect(await projectHistory()).toEqual(before);
  const tunnel = await h.admin.get(`/api/v1/datacenters/${dc.id}`);
  expect(tunnel.statusCode).toBe(200);
});

test('once the server is deleted the project goes; its tasks and the mirror row stay', async () => {
  const del = await member.delete(`/api/v1/servers/${created.resourceId}`);
  expect(del.statusCode, del.body).toBe(202);
  const deleted = await waitForTask(member, json<{ task: Task }>(del).task.id);
  expect(deleted.status, JSON.stringify(deleted.error)).toBe('succeeded');
  const res = await deptAdmin.delete(`/api/v1/projects/${org.project.id}`);
  expect(res.statusCode, res.body).toBe(204);
  expect((await deptAdmin.get(`/api/v1/projects/${org.project.id}`)).statusCode).toBe(404);
  const after = await projectHistory();
  expect(after.tasks.map((t) => [t.action, t.status])).toEqual([
    ['server.create', 'succeeded'],
    ['server.delete', 'succeeded'],
  ]);
  expect(after.server?.projectId).toBe(org.project.id);
  expect(after.server?.deletedAt).toBeInstanceOf(Date);
  expect(after.project?.deletedAt).toBeInstanceOf(Date);
});
