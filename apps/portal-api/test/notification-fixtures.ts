import type { DeliveryDetail } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import pino from 'pino';
import { expect } from 'vitest';
import { startNotificationWorker } from '../src/jobs/start-notification-worker';
import type { NotificationSettings } from '../src/services/notifications/notification-runtime';
import { json, type Harness, type Session } from './harness';

/** The 'notifications' queue's worker inside the test process (real Redis, real BullMQ jobs). */
export const startInProcessNotificationWorker = (
  h: Harness,
  settings: Partial<NotificationSettings>,
  log: pino.Logger = pino({ level: 'silent' }),
): Promise<Worker> => {
  Object.assign(h.deps.config.notifications.settings, settings);
  return startNotificationWorker(
    { db: h.deps.db, config: h.deps.config, now: () => new Date() },
    log,
  );
};

/** Poll the API until the delivery satisfies `done` (its status, usually). */
export const waitForDelivery = async (
  who: Session,
  id: string,
  done: (d: DeliveryDetail) => boolean,
  timeoutMs = 20_000,
): Promise<DeliveryDetail> => {
  const until = Date.now() + timeoutMs;
  let last: DeliveryDetail | null = null;
  while (Date.now() < until) {
    const res = await who.get(`/api/v1/notifications/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    last = json<DeliveryDetail>(res);
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `delivery ${id} did not get there in ${timeoutMs} ms; last: ${JSON.stringify(last)}`,
  );
};
