import type { Delivery, DeliveryDetail } from '@yunguan/contract';
import type { AttemptRow, DeliveryRow } from '../../repositories/notification-repository';

export const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  eventType: row.eventType,
  severity: row.severity as Delivery['severity'],
  projectId: row.projectId,
  channelId: row.channelId,
  channelName: row.channelName,
  channelKind: row.channelKind as Delivery['channelKind'],
  recipient: row.recipient,
  recipientLabel: row.recipientLabel,
  locale: row.locale === 'en' ? 'en' : 'zh-CN',
  subject: row.subject,
  body: row.body,
  status: row.status as Delivery['status'],
  attempts: row.attempts,
  maxAttempts: row.maxAttempts,
  lastError: row.lastError,
  sentAt: row.sentAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toDeliveryDetail = (row: DeliveryRow, attempts: AttemptRow[]): DeliveryDetail => ({
  ...toDelivery(row),
  attemptLog: attempts.map((a) => ({
    number: a.number,
    startedAt: a.startedAt.toISOString(),
    finishedAt: a.finishedAt?.toISOString() ?? null,
    ok: a.ok,
    error: a.error,
  })),
});
