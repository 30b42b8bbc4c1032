import { randomUUID } from 'node:crypto';
import type { Locale } from '@yunguan/contract';
import { notFound, precondition } from '@yunguan/domain';
import type { Database } from '../../repositories/db-client';
import { findChannelRows } from '../../repositories/notification-channel-repository';
import { insertDeliveries, type DeliveryInsert } from '../../repositories/notification-repository';
import { findProjectDepartment, findRecipientRows } from '../../repositories/recipient-repository';
import type { ServiceConfig } from '../context';
import { notifyInput, type NotifyInput } from './notify-input';
import { planDeliveries } from './plan-deliveries';
import { renderText, templateTextOf } from './template-text';

export type NotifyDeps = { db: Database; config: ServiceConfig; now: () => Date };
export type NotifyResult = { deliveryIds: string[]; skipped: number };

/**
 * The notification service (ADR 0119): render the event's template per recipient language,
 * record one delivery per recipient and channel, and queue each for the worker. A project's
 * channel carries only that project's events (NOT_FOUND otherwise, as if it did not exist); a
 * disabled channel is refused. Deliveries already made for the same dedupe key are skipped.
 */
export const notify = async (deps: NotifyDeps, raw: NotifyInput): Promise<NotifyResult> => {
  const input = notifyInput.parse(raw);
  const channels = await findChannelRows(deps.db, input.channelIds);
  for (const id of input.channelIds) {
    const channel = channels.find((c) => c.id === id);
    if (!channel || (channel.projectId !== null && channel.projectId !== input.projectId))
      throw notFound('notification channel', id);
    if (!channel.enabled) throw precondition('channel_disabled', { channel: channel.name });
  }
  const departmentId = input.projectId
    ? await findProjectDepartment(deps.db, input.projectId)
    : null;
  if (input.projectId && !departmentId) throw notFound('project', input.projectId);
  const users = await findRecipientRows(deps.db, input.recipients);
  const planned = planDeliveries(channels, users, input.recipients);
  const now = deps.now();
  const params = {
    portalUrl: deps.config.tunnel.publicUrl,
    time: now
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC'),
    severity: input.severity,
    ...input.params,
  };
  const texts = new Map<Locale, { subject: string; body: string }>();
  const textIn = async (locale: Locale) => {
    let text = texts.get(locale);
    if (!text) {
      text = renderText(await templateTextOf(deps.db, input.eventType, locale), params);
      texts.set(locale, text);
    }
    return text;
  };
  const rows: DeliveryInsert[] = [];
  for (const p of planned) {
    const text = await textIn(p.locale);
    rows.push({
      id: randomUUID(),
      eventType: input.eventType,
      severity: input.severity,
      departmentId: p.channel.departmentId ?? departmentId,
      projectId: input.projectId,
      channelId: p.channel.id,
      channelName: p.channel.name,
      channelKind: p.channel.kind,
      recipient: p.recipient,
      recipientLabel: p.label,
      locale: p.locale,
      subject: text.subject,
      body: text.body,
      params,
      maxAttempts: deps.config.notifications.settings.maxAttempts,
      dedupeKey: input.dedupeKey ?? null,
    });
  }
  const inserted = await insertDeliveries(deps.db, rows);
  await deps.config.notifications.enqueue(inserted);
  return { deliveryIds: inserted, skipped: rows.length - inserted.length };
};
