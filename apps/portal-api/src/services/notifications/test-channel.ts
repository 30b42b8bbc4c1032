import type { Delivery, Locale } from '@yunguan/contract';
import { DomainError, precondition } from '@yunguan/domain';
import { findDeliveryRow } from '../../repositories/notification-repository';
import { findUserContact } from '../../repositories/recipient-repository';
import type { ServiceContext } from '../context';
import { findChannelFor } from './find-channel-for';
import { notify } from './notify';
import { toDelivery } from './to-delivery';

/**
 * "Send test": a channel.test message over the channel, to `to` or the caller's own address /
 * WeCom user id (robot and webhook channels go to their group or URL). Answers the delivery.
 */
export const testChannel = async (
  ctx: ServiceContext,
  id: string,
  input: { to?: string | undefined; locale?: Locale | undefined },
): Promise<Delivery> => {
  const channel = await findChannelFor(ctx, id);
  if (!channel.enabled) throw precondition('channel_disabled', { channel: channel.name });
  const me = await findUserContact(ctx.db, ctx.principal.userId);
  const to = input.to ?? (channel.kind === 'email' ? me?.email : me?.wecomUserId) ?? undefined;
  const personal = channel.kind === 'email' || channel.kind === 'wecom-app';
  if (
    personal &&
    !to &&
    !(channel.kind === 'wecom-app' && (channel.settings as { toParty?: string }).toParty)
  )
    throw new DomainError('VALIDATION', 'no test recipient', {
      reason: 'test_recipient_missing',
      params: { kind: channel.kind },
      issues: [{ path: 'body.to', message: 'required' }],
    });
  if (channel.kind === 'email' && to && !/^[^\s@]+@[^\s@]+$/.test(to))
    throw new DomainError('VALIDATION', 'bad test address', {
      reason: 'email_invalid',
      params: { value: to.slice(0, 80) },
      issues: [{ path: 'body.to', message: 'email' }],
    });
  const locale =
    input.locale ?? (me?.locale === 'en' ? 'en' : channel.locale === 'en' ? 'en' : 'zh-CN');
  const result = await notify(ctx, {
    eventType: 'channel.test',
    severity: 'info',
    params: { channel: channel.name, requester: ctx.principal.username },
    channelIds: [channel.id],
    recipients: {
      ...(channel.kind === 'email' && to ? { emails: [to] } : {}),
      ...(channel.kind === 'wecom-app' && to ? { wecomUserIds: [to] } : {}),
      locale,
    },
    projectId: channel.projectId,
  });
  const deliveryId = result.deliveryIds[0];
  const row = deliveryId ? await findDeliveryRow(ctx.db, deliveryId) : null;
  if (!row) throw new Error('the test delivery was not recorded');
  return toDelivery(row);
};
