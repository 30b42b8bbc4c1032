import type { Locale } from '@yunguan/contract';
import type { ChannelRow } from '../../repositories/notification-channel-repository';
import type { RecipientRow } from '../../repositories/recipient-repository';

/** One message to send: who gets it over which channel, in which language. */
export type PlannedDelivery = {
  channel: ChannelRow;
  recipient: string;
  label: string;
  locale: Locale;
};

const localeOf = (value: string): Locale => (value === 'en' ? 'en' : 'zh-CN');

/**
 * Who gets what per channel: email — each user with an address (their language) plus extra
 * addresses; WeCom application — each user with a WeCom user id plus extra ids (or the channel's
 * departments alone); WeCom robot and webhook — the channel itself, once, in its language.
 */
export const planDeliveries = (
  channels: readonly ChannelRow[],
  users: readonly RecipientRow[],
  extra: {
    emails: readonly string[];
    wecomUserIds: readonly string[];
    locale?: Locale | undefined;
  },
): PlannedDelivery[] =>
  channels.flatMap((channel): PlannedDelivery[] => {
    const own = localeOf(channel.locale);
    const extraLocale = extra.locale ?? own;
    const label = (u: RecipientRow) => u.displayName || u.username;
    switch (channel.kind) {
      case 'email': {
        const byAddress = new Map<string, PlannedDelivery>();
        for (const u of users)
          if (u.email)
            byAddress.set(u.email.toLowerCase(), {
              channel,
              recipient: u.email,
              label: label(u),
              locale: localeOf(u.locale),
            });
        for (const e of extra.emails)
          if (!byAddress.has(e.toLowerCase()))
            byAddress.set(e.toLowerCase(), {
              channel,
              recipient: e,
              label: e,
              locale: extraLocale,
            });
        return [...byAddress.values()];
      }
      case 'wecom-app': {
        const byId = new Map<string, PlannedDelivery>();
        for (const u of users)
          if (u.wecomUserId)
            byId.set(u.wecomUserId, {
              channel,
              recipient: u.wecomUserId,
              label: label(u),
              locale: localeOf(u.locale),
            });
        for (const id of extra.wecomUserIds)
          if (!byId.has(id))
            byId.set(id, { channel, recipient: id, label: id, locale: extraLocale });
        const party = (channel.settings as { toParty?: string }).toParty;
        if (byId.size === 0 && party)
          return [{ channel, recipient: '', label: `party ${party}`, locale: own }];
        return [...byId.values()];
      }
      default:
        return [{ channel, recipient: channel.name, label: channel.name, locale: own }];
    }
  });
