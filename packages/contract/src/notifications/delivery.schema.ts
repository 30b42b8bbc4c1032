import { z } from 'zod';
import { idSchema, listQuery, pageOf, timestamp } from '../common';
import { channelKinds, localeSchema } from './channel.schema';

export const deliveryStatuses = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const severitySchema = z.enum(['info', 'warning', 'critical']);

export const deliverySchema = z.object({
  id: z.string(),
  eventType: z.string(),
  severity: severitySchema,
  projectId: z.string().nullable(),
  channelId: z.string().nullable(),
  channelName: z.string(),
  channelKind: z.enum(channelKinds),
  recipient: z.string(),
  recipientLabel: z.string(),
  locale: localeSchema,
  subject: z.string(),
  body: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Delivery = z.infer<typeof deliverySchema>;

export const attemptSchema = z.object({
  number: z.number().int(),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  ok: z.boolean().nullable(),
  error: z.string().nullable(),
});
export const deliveryDetailSchema = deliverySchema.extend({ attemptLog: z.array(attemptSchema) });
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;

export const deliveryListQuery = listQuery.extend({
  status: z.enum(deliveryStatuses).optional(),
  channelId: idSchema.optional(),
  projectId: idSchema.optional(),
  eventType: z.string().trim().max(64).optional(),
});
export const deliveryPage = pageOf(deliverySchema);

export const demoMailSchema = z.object({
  id: z.string(),
  receivedAt: timestamp,
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
});
export const demoMailboxSchema = z.object({
  enabled: z.boolean(),
  messages: z.array(demoMailSchema),
});
export type DemoMail = z.infer<typeof demoMailSchema>;
