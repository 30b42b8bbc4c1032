import { z } from 'zod';
import { deliverNotification } from '../services/notifications/deliver-notification';
import {
  NOTIFY_JOB,
  NOTIFY_QUEUE,
  notifyJobOptions,
} from '../services/notifications/notification-runtime';
import { defineJob } from './job-definition';

/** Send one delivery; attempts and back-off come from the settings when it is queued. */
export const notificationDeliverJob = defineJob({
  name: NOTIFY_JOB,
  queue: NOTIFY_QUEUE,
  payload: z.object({ notificationId: z.string().min(1).max(64) }),
  options: notifyJobOptions,
  handler: (deps, payload, attempt) => deliverNotification(deps, payload.notificationId, attempt),
});
