import type { Channel, Delivery } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { notify } from '../src/services/notifications/notify';
import { createHarness, json, type Harness } from './harness';
import { startInProcessNotificationWorker, waitForDelivery } from './notification-fixtures';
import { startWebhookReceiver } from './notification-peers';

/**
 * Delivery behaviour with a real BullMQ worker: retries with back-off end in a dead letter whose
 * last error the API shows; a channel whose peer hangs does not hold up another channel's
 * deliveries (per-channel in-flight slots); a channel's rate per minute postpones, never drops.
 */
const SECRET = 'delivery-secret-0123456789';
let h: Harness;
let worker: Worker;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  h = await createHarness();
  hook = await startWebhookReceiver(SECRET);
  // Two sends at once in the worker, one per channel; a hung send gives up after 4 s.
  worker = await startInProcessNotificationWorker(h, {
    retryDelayMs: 200,
    maxAttempts: 3,
    sendTimeoutMs: 4_000,
    concurrency: 2,
    channelConcurrency: 1,
  });
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await hook?.close();
  await h?.close();
});

const webhookChannel = async (name: string, path: string, ratePerMinute = 60) => {
  const res = await h.admin.post('/api/v1/notification-channels', {
    kind: 'webhook',
    name,
    ratePerMinute,
    settings: { url: `${hook.url}${path}` },
    secret: { secret: SECRET },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Channel>(res);
};
const fire = async (channelId: string, n = 1) => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      ...(
        await notify(h.adminCtx, {
          eventType: 'task.failed',
          severity: 'warning',
          params: { action: 'server.create', target: `vm-${i}`, reason: 'test' },
          channelIds: [channelId],
        })
      ).deliveryIds,
    );
  return ids;
};

test('a failing channel retries with back-off, then dead-letters with the last error shown', async () => {
  const failing = await webhookChannel('always-500', '/fail');
  const [id] = await fire(failing.id);
  const dead = await waitForDelivery(h.admin, id!, (d) => d.status === 'dead');
  expect(dead.attempts).toBe(3);
  expect(dead.attemptLog.map((a) => a.ok)).toEqual([false, false, false]);
  expect(dead.lastError).toContain('HTTP 500: receiver broke');
  // Back-off: each attempt starts after the previous one finished.
  for (let i = 1; i < dead.attemptLog.length; i++)
    expect(Date.parse(dead.attemptLog[i]!.startedAt)).toBeGreaterThan(
      Date.parse(dead.attemptLog[i - 1]!.finishedAt!),
    );
  const log = json<{ items: Delivery[] }>(await h.admin.get('/api/v1/notifications?status=dead'));
  expect(log.items.map((d) => d.id)).toContain(id);
  const channel = json<Channel>(await h.admin.get(`/api/v1/notification-channels/${failing.id}`));
  expect(channel.lastError).toContain('HTTP 500');
});

test("a channel whose peer hangs does not delay another channel's delivery", async () => {
  const hanging = await webhookChannel('hangs', '/hang');
  const healthy = await webhookChannel('healthy', '/ok');
  // Four deliveries of the hanging channel are queued first, then one of the healthy channel.
  const stuck = await fire(hanging.id, 4);
  const [good] = await fire(healthy.id);
  const done = await waitForDelivery(h.admin, good!, (d) => d.status === 'sent', 15_000);
  // When the healthy delivery was sent, no attempt of the hanging channel had finished yet, and
  // only one of its deliveries was in flight (its one slot); the others waited their turn.
  const attempts = await h.deps.db.notificationAttempt.findMany({
    where: { notificationId: { in: stuck } },
  });
  const finishedBefore = attempts.filter(
    (a) => a.finishedAt !== null && a.finishedAt <= new Date(done.sentAt!),
  );
  expect(finishedBefore).toEqual([]);
  const startedBefore = attempts.filter((a) => a.startedAt <= new Date(done.sentAt!));
  expect(startedBefore.length).toBe(1);
  // The hanging channel still gets its attempts (each times out) — nothing is dropped.
  const first = await waitForDelivery(
    h.admin,
    stuck[0]!,
    (d) => d.attempts >= 1 && d.lastError !== null,
    15_000,
  );
  expect(first.lastError).toContain('no answer within 4000 ms');
}, 60_000);

test("a channel's rate per minute postpones the excess without spending attempts", async () => {
  const limited = await webhookChannel('two-a-minute', '/ok', 2);
  const ids = await fire(limited.id, 3);
  // Which two go first is up to the queue (postponed jobs come back in any order).
  const rows = () =>
    h.deps.db.notification.findMany({ where: { id: { in: ids } }, orderBy: { sentAt: 'asc' } });
  const until = Date.now() + 20_000;
  while ((await rows()).filter((r) => r.status === 'sent').length < 2 && Date.now() < until)
    await new Promise((r) => setTimeout(r, 100));
  const sentRows = (await rows()).filter((r) => r.status === 'sent');
  expect(sentRows.map((r) => r.attempts)).toEqual([1, 1]);
  // The third waits for the next minute: still queued, no attempt made, no error.
  await new Promise((r) => setTimeout(r, 1_500));
  const waiting = (await rows()).filter((r) => r.status !== 'sent');
  expect(waiting).toHaveLength(1);
  const third = json<Delivery>(await h.admin.get(`/api/v1/notifications/${waiting[0]!.id}`));
  expect(third).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
});

test('the same dedupe key reaches a recipient over a channel once', async () => {
  const channel = await webhookChannel('dedupe', '/ok');
  const args = {
    eventType: 'alert.firing',
    params: { rule: 'CPU > 80 %' },
    channelIds: [channel.id],
    dedupeKey: 'rule-1:server-9:firing',
  };
  const first = await notify(h.adminCtx, args);
  const second = await notify(h.adminCtx, args);
  expect(first.deliveryIds).toHaveLength(1);
  expect(second).toEqual({ deliveryIds: [], skipped: 1 });
});
