import type { Channel, ChannelUpdate } from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import { updateChannelRow } from '../../repositories/notification-channel-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { openSecret, sealSecret } from './channel-secrets';
import { channelTarget, findChannelFor } from './find-channel-for';
import { toChannel } from './to-channel';

/** Change a channel; secret fields given replace the stored ones, the others are kept. */
export const updateChannel = async (
  ctx: ServiceContext,
  id: string,
  input: ChannelUpdate,
): Promise<Channel> => {
  const before = await findChannelFor(ctx, id);
  if (before.kind !== input.kind)
    throw new DomainError('VALIDATION', 'channel kind cannot change', {
      reason: 'channel_kind_mismatch',
      params: { kind: before.kind },
    });
  const { settings, secret, ...rest } = input;
  const plain = {
    name: rest.name,
    locale: rest.locale,
    ratePerMinute: rest.ratePerMinute,
    enabled: rest.enabled,
  };
  const secretSealed =
    secret && Object.values(secret).some((v) => v !== undefined)
      ? sealSecret(ctx.config.secretBox, {
          ...openSecret(ctx.config.secretBox, before.secretSealed),
          ...secret,
        })
      : undefined;
  const row = await inTransaction(ctx.db, async (tx) => {
    const updated = await updateChannelRow(tx, id, {
      ...Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)),
      ...(settings ? { settings } : {}),
      ...(secretSealed !== undefined ? { secretSealed } : {}),
    });
    await recordAudit(tx, ctx, {
      action: 'notification-channel.update',
      targetType: 'notification-channel',
      targetId: id,
      targetName: updated.name,
      ...channelTarget(before),
      // Field names only: values may be secrets.
      detail: {
        fields: [
          ...Object.keys(plain).filter((k) => (plain as Record<string, unknown>)[k] !== undefined),
          ...(settings ? ['settings'] : []),
          ...(secretSealed !== undefined ? ['secret'] : []),
        ],
      },
    });
    return updated;
  });
  return toChannel(ctx.config.secretBox, row);
};
