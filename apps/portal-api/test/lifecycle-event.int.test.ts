import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pruneEventsJob } from '../src/jobs/prune-events.job';
import { inTransaction } from '../src/repositories/db-client';
import {
  readEventsAfter,
  type LifecycleEventRow,
} from '../src/repositories/lifecycle-event-repository';
import {
  markResourcesDeleted,
  touchResources,
  upsertResources,
  type ResourceUpsert,
} from '../src/repositories/resource-repository';
import { insertTask, updateTaskIf, type TaskInsert } from '../src/repositories/task-repository';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness } from './harness';

/** The repositories write the event log in the transaction of each change (ADR 0112). */
let h: Harness;
let org: Organisation;
let datacenterId: string;

beforeAll(async () => {
  h = await createHarness();
  org = await createOrganisation(h.adminCtx, 'lev');
  const res = await h.admin.post('/api/v1/datacenters', {
    name: `lev-${Date.now()}`,
    region: 'RegionOne',
    kind: 'openstack',
  });
  expect(res.statusCode, res.body).toBe(201);
  datacenterId = json<{ id: string }>(res).id;
  await h.deps.db.tenantBinding.create({
    data: {
      datacenterId,
      projectId: org.project.id,
      mapping: { domainExternalId: 'dom-lev' },
      projectExternalId: 'proj-lev',
    },
  });
});
afterAll(() => h.close());

const head = async () =>
  (await h.deps.db.lifecycleEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;

const after = (seq: bigint) => readEventsAfter(h.deps.db, seq, { limit: 100 });

const taskInsert = (): TaskInsert => ({
  id: randomUUID(),
  actorId: null,
  actorName: 'tester',
  departmentId: org.department.id,
  projectId: org.project.id,
  datacenterId,
  action: 'server.create',
  targetType: 'server',
  targetExternalId: null,
  targetName: 'lev-1',
  resourceId: null,
  input: { name: 'lev-1' },
  secretInputEnc: 'sealed-user-data',
  steps: [],
  jobId: 'job',
  idempotencyKey: null,
  requestHash: 'hash',
  quotaHeld: { instances: 1, vcpus: 1, ram_mb: 512 },
});

describe('task events', () => {
  test('insert and every change but a bare heartbeat append one event; secrets stay out', async () => {
    const start = await head();
    const row = await insertTask(h.deps.db, taskInsert());
    await updateTaskIf(h.deps.db, row.id, ['queued'], { status: 'running', startedAt: new Date() });
    await updateTaskIf(h.deps.db, row.id, ['running'], { heartbeatAt: new Date() });
    await updateTaskIf(h.deps.db, row.id, ['running'], {
      steps: [
        { key: 'submit', status: 'running', startedAt: null, finishedAt: null, detail: null },
      ],
    });
    // A guarded write that does not apply writes no event either.
    expect(await updateTaskIf(h.deps.db, row.id, ['queued'], { status: 'cancelled' })).toBeNull();
    const events = await after(start);
    expect(events.map((e) => [e.type, e.taskId])).toEqual([
      ['task.created', row.id],
      ['task.updated', row.id],
      ['task.updated', row.id],
    ]);
    const payloads = events.map((e) => e.payload as Record<string, unknown>);
    expect(payloads.map((p) => p.status)).toEqual(['queued', 'running', 'running']);
    expect(events[0]).toMatchObject({
      departmentId: org.department.id,
      projectId: org.project.id,
      datacenterId,
    });
    for (const p of payloads) {
      expect(Object.keys(p)).not.toContain('secretInputEnc');
      expect(JSON.stringify(p)).not.toContain('sealed-user-data');
    }
  });

  test('a rolled-back transaction leaves neither the task nor its event', async () => {
    const start = await head();
    const data = taskInsert();
    await expect(
      inTransaction(h.deps.db, async (tx) => {
        await insertTask(tx, data);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await h.deps.db.task.findUnique({ where: { id: data.id } })).toBeNull();
    expect(await h.deps.db.lifecycleEvent.count({ where: { taskId: data.id } })).toBe(0);
    // The sequence moved on: later readers see a gap, which the feed waits out (seq-window).
    const row = await insertTask(h.deps.db, taskInsert());
    const events = await after(start);
    expect(events.map((e) => e.taskId)).toEqual([row.id]);
  });
});

describe('mirror events', () => {
  const server = (
    over: Partial<Omit<ResourceUpsert, 'spec'>> & { spec?: Record<string, unknown> } = {},
  ): ResourceUpsert => ({
    externalId: 'srv-lev-1',
    projectId: org.project.id,
    projectExternalId: 'proj-lev',
    name: 'lev-1',
    status: 'building',
    ...over,
    spec: {
      flavor: { id: '1', vcpus: 1, ramMb: 512 },
      createdAt: '2026-01-02T03:04:05Z',
      updatedAt: '2026-01-02T03:04:09+08:00',
      ...over.spec,
    },
  });
  const types = (events: LifecycleEventRow[]) =>
    events.map((e) => [e.type, (e.payload as { status: string }).status]);

  test('created, state changed, resized, renamed, deleted — once each, unchanged writes nothing', async () => {
    const start = await head();
    const seenAt = new Date();
    await upsertResources(h.deps.db, datacenterId, 'server', [server()], seenAt);
    await upsertResources(h.deps.db, datacenterId, 'server', [server()], seenAt); // unchanged
    await touchResources(h.deps.db, datacenterId, 'server', ['srv-lev-1'], new Date());
    await upsertResources(
      h.deps.db,
      datacenterId,
      'server',
      [server({ status: 'active' })],
      seenAt,
    );
    await upsertResources(
      h.deps.db,
      datacenterId,
      'server',
      [server({ status: 'verify-resize', spec: { flavor: { id: '2', vcpus: 2, ramMb: 2048 } } })],
      seenAt,
    );
    await upsertResources(
      h.deps.db,
      datacenterId,
      'server',
      [
        server({
          name: 'lev-renamed',
          status: 'verify-resize',
          spec: { flavor: { id: '2', vcpus: 2, ramMb: 2048 } },
        }),
      ],
      seenAt,
    );
    expect(
      await markResourcesDeleted(h.deps.db, datacenterId, 'server', ['srv-lev-1'], seenAt),
    ).toBe(1);
    expect(
      await markResourcesDeleted(h.deps.db, datacenterId, 'server', ['srv-lev-1'], seenAt),
    ).toBe(0);
    const events = await after(start);
    expect(types(events)).toEqual([
      ['resource.created', 'building'],
      ['resource.state-changed', 'active'],
      ['resource.resized', 'verify-resize'],
      ['resource.updated', 'verify-resize'],
      ['resource.deleted', 'deleted'],
    ]);
    const row = await h.deps.db.resource.findFirstOrThrow({ where: { externalId: 'srv-lev-1' } });
    for (const e of events) {
      expect(e).toMatchObject({
        departmentId: org.department.id,
        projectId: org.project.id,
        datacenterId,
        resourceType: 'server',
        resourceId: row.id,
        externalId: 'srv-lev-1',
        taskId: null,
      });
    }
    // The cloud's own times: createdAt for the creation, updatedAt (in UTC) for changes.
    expect(events[0]?.cloudAt?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(events[1]?.cloudAt?.toISOString()).toBe('2026-01-01T19:04:09.000Z');
    expect(events[4]?.cloudAt).toBeNull();
    expect((events[2]?.payload as { previousStatus: string }).previousStatus).toBe('active');
    // Back from deleted counts as created again.
    await upsertResources(
      h.deps.db,
      datacenterId,
      'server',
      [server({ status: 'active' })],
      seenAt,
    );
    expect(types(await after(events.at(-1)!.seq))).toEqual([['resource.created', 'active']]);
  });

  test('an unowned object has no project or department; rows seen since the sync began are not deleted', async () => {
    const start = await head();
    const seenAt = new Date();
    await upsertResources(
      h.deps.db,
      datacenterId,
      'network',
      [
        {
          externalId: 'net-ext',
          projectId: null,
          projectExternalId: null,
          name: 'ext',
          status: 'active',
          spec: {},
        },
      ],
      seenAt,
    );
    expect(
      await markResourcesDeleted(h.deps.db, datacenterId, 'network', ['net-ext'], seenAt, seenAt),
    ).toBe(0);
    const events = await after(start);
    expect(events.map((e) => [e.type, e.projectId, e.departmentId, e.cloudAt])).toEqual([
      ['resource.created', null, null, null],
    ]);
  });

  test('the hourly prune drops events older than the retention window and keeps the rest', async () => {
    const now = new Date();
    const day = 24 * 60 * 60 * 1000;
    const old = await h.deps.db.lifecycleEvent.create({
      data: { type: 'resource.updated', at: new Date(now.getTime() - 31 * day) },
    });
    const kept = await h.deps.db.lifecycleEvent.create({
      data: { type: 'resource.updated', at: new Date(now.getTime() - 29 * day) },
    });
    const result = await pruneEventsJob(30).handler(
      { db: h.deps.db, config: h.deps.config, now: () => now },
      {},
      { finalAttempt: true },
    );
    expect(typeof (result as { pruned: unknown }).pruned).toBe('number');
    const left = await h.deps.db.lifecycleEvent.findMany({
      where: { seq: { in: [old.seq, kept.seq] } },
    });
    expect(left.map((e) => e.seq)).toEqual([kept.seq]);
  });
});
