import type { PortalEvent, StreamReset, Task } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deleteEventsBefore } from '../src/repositories/lifecycle-event-repository';
import { SSE_REPLAY_LIMIT } from '../src/services/events/resume-event-stream';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';
import {
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';
import { openSse, type SseFrame } from './sse-client';
import {
  fastTasks,
  prepareSimProject,
  startInProcessTaskWorker,
  waitForTask,
  type SimTargets,
} from './task-fixtures';

/** SSE from the event log (ADR 0112): replay after Last-Event-ID, its tenancy, and reset. */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let simA: SimTargets;
let simB: SimTargets;
let worker: Worker;
let owner: Session;
let other: Session;

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  fastTasks(h);
  // A build of a few seconds: the task is still running when the client goes away.
  dc = await startSimDatacenterForPortal(h, { delays: { buildMs: 3_000 } });
  a = await createOrganisation(h.adminCtx, 'evr');
  b = await createOrganisation(h.adminCtx, 'evo');
  simA = await prepareSimProject(h, dc, a.project.id);
  simB = await prepareSimProject(h, dc, b.project.id);
  worker = await startInProcessTaskWorker(h);
  owner = await h.login(a.member.username);
  other = await h.login(b.member.username);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await dc?.stop();
  await h?.close();
});

const create = async (session: Session, projectId: string, targets: SimTargets, name: string) => {
  const res = await session.post(`/api/v1/projects/${projectId}/servers`, {
    datacenterId: dc.id,
    name,
    flavorId: '1',
    imageId: targets.imageId,
    networkIds: [targets.networkId],
  });
  expect(res.statusCode, res.body).toBe(202);
  return json<{ task: Task }>(res).task;
};

const taskEvents = (frames: SseFrame[], taskId: string) =>
  frames.flatMap((f) => {
    const e = f.data as PortalEvent;
    return e.type === 'task.updated' && e.task.id === taskId ? [{ id: f.id, event: e }] : [];
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('replay after Last-Event-ID', () => {
  test.each(['header', 'query'] as const)(
    'a client away for 10 s while a server is created gets every step it missed (%s), nothing of another department, then live events',
    async (via) => {
      const first = await openSse(h, owner);
      const task = await create(owner, a.project.id, simA, `replay-${via}`);
      await first.until((f) => taskEvents(f, task.id).length > 0);
      const seen = taskEvents(first.state.frames, task.id);
      expect(seen[0]?.event.task.status).toBe('queued');
      // Gone: what it was given last is its resume position.
      await first.close();
      const lastEventId = first.state.lastEventId;
      expect(lastEventId).not.toBeNull();

      // Meanwhile the task runs to the end, and another department creates a server too.
      const foreign = await create(other, b.project.id, simB, `foreign-${via}`);
      await sleep(10_000);
      expect((await waitForTask(owner, task.id)).status).toBe('succeeded');
      expect((await waitForTask(other, foreign.id)).status).toBe('succeeded');

      const resumed = await openSse(h, owner, { lastEventId: lastEventId!, via });
      try {
        await resumed.until((f) =>
          taskEvents(f, task.id).some((e) => e.event.task.status === 'succeeded'),
        );
        // Every event of the task after the resume position, in order, by seq.
        const logged = await h.deps.db.lifecycleEvent.findMany({
          where: { taskId: task.id, seq: { gt: BigInt(lastEventId!) } },
          orderBy: { seq: 'asc' },
        });
        const replayed = taskEvents(resumed.state.frames, task.id);
        // The worker may have moved the task on before the first client left (its last event
        // may already be a running step): what matters is that everything after its position
        // comes back, in order, as it was logged — at least the task's finish.
        expect(logged.length).toBeGreaterThanOrEqual(1);
        expect(replayed.map((e) => e.id)).toEqual(logged.map((r) => r.seq.toString()));
        type Logged = { status: string; steps: { key: string; status: string }[] };
        const stepsOf = (t: Logged) => t.steps.map((x) => `${x.key}:${x.status}`);
        const loggedTasks = logged.map((r) => r.payload as unknown as Logged);
        expect(replayed.map((e) => e.event.task.status)).toEqual(loggedTasks.map((t) => t.status));
        expect(replayed.map((e) => stepsOf(e.event.task))).toEqual(loggedTasks.map(stepsOf));
        expect(replayed.at(-1)?.event.task.status).toBe('succeeded');
        const final = replayed.at(-1)!.event.task;
        expect(final.steps.every((s) => s.status === 'succeeded')).toBe(true);
        // The mirror row's changes were replayed too (the server appeared, then became active).
        const server = resumed.state.frames.flatMap((f) => {
          const e = f.data as PortalEvent;
          return e.type === 'resource.changed' && e.resourceId === final.resourceId ? [e] : [];
        });
        expect(server.map((e) => e.status)).toContain('active');
        // Tenancy: the other department's events are in the log but were not replayed.
        const foreignLogged = await h.deps.db.lifecycleEvent.count({
          where: { projectId: b.project.id, seq: { gt: BigInt(lastEventId!) } },
        });
        expect(foreignLogged).toBeGreaterThan(0);
        const projects = new Set(
          resumed.state.frames.map((f) => (f.data as PortalEvent).projectId),
        );
        expect([...projects]).toEqual([a.project.id]);
        expect(taskEvents(resumed.state.frames, foreign.id)).toEqual([]);
        // Ids only go up.
        const ids = resumed.state.frames.flatMap((f) => (f.id ? [BigInt(f.id)] : []));
        expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));

        // Then live: a new task reaches the resumed stream.
        const next = await create(owner, a.project.id, simA, `live-${via}`);
        await resumed.until((f) =>
          taskEvents(f, next.id).some((e) => e.event.task.status === 'succeeded'),
        );
      } finally {
        await resumed.close();
      }
    },
    60_000,
  );

  test('a fresh stream is given its position and replays nothing', async () => {
    const last = await h.deps.db.lifecycleEvent.aggregate({ _max: { seq: true } });
    const fresh = await openSse(h, owner);
    try {
      const deadline = Date.now() + 5_000;
      while (fresh.state.lastEventId === null && Date.now() < deadline) await sleep(50);
      expect(BigInt(fresh.state.lastEventId ?? '0')).toBeGreaterThanOrEqual(last._max.seq!);
      await sleep(500);
      expect(fresh.state.frames).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe('reset', () => {
  const resetOf = (frames: SseFrame[]) =>
    frames.find((f) => f.event === 'reset')?.data as StreamReset | undefined;

  const expectReset = async (lastEventId: string, reason: StreamReset['reason']): Promise<void> => {
    const stream = await openSse(h, owner, { lastEventId, via: 'header' });
    try {
      await stream.until((f) => f.length > 0, 5_000);
      const head = await h.deps.db.lifecycleEvent.aggregate({ _max: { seq: true } });
      expect(stream.state.frames[0]?.event).toBe('reset');
      expect(resetOf(stream.state.frames)).toEqual({
        type: 'reset',
        seq: stream.state.lastEventId,
        reason,
      });
      expect(BigInt(stream.state.lastEventId!)).toBeLessThanOrEqual(head._max.seq!);
      // Nothing replayed: only the reset.
      await sleep(300);
      expect(stream.state.frames.filter((f) => f.event !== 'reset')).toEqual([]);
    } finally {
      await stream.close();
    }
  };

  test('a client more than the replay bound behind is told to refetch', async () => {
    const before = await h.deps.db.lifecycleEvent.aggregate({ _max: { seq: true } });
    // More rows than one replay carries (unowned objects: nothing this member may see).
    await h.deps.db.lifecycleEvent.createMany({
      data: Array.from({ length: SSE_REPLAY_LIMIT + 1 }, (_, i) => ({
        type: 'resource.updated',
        datacenterId: dc.id,
        resourceType: 'volume',
        resourceId: `filler-${i}`,
        externalId: `filler-${i}`,
        payload: { name: `filler-${i}`, status: 'available' },
      })),
    });
    await expectReset((before._max.seq ?? 0n).toString(), 'too_far_behind');
  });

  test('a position this log never had, or not a number, is a reset', async () => {
    const last = await h.deps.db.lifecycleEvent.aggregate({ _max: { seq: true } });
    await expectReset((last._max.seq! + 1_000n).toString(), 'unknown_position');
    await expectReset('not-a-seq', 'unknown_position');
  });

  test('a position older than the retained log is a reset', async () => {
    const bounds = await h.deps.db.lifecycleEvent.aggregate({ _min: { seq: true } });
    await deleteEventsBefore(h.deps.db, new Date(Date.now() + 60_000));
    await create(owner, a.project.id, simA, 'after-prune').then((t) => waitForTask(owner, t.id));
    await expectReset(bounds._min.seq!.toString(), 'too_far_behind');
  });
});
