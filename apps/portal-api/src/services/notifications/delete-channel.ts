import { inTransaction } from '../../repositories/db-client';
import { deleteChannelRow } from '../../repositories/notification-channel-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { channelTarget, findChannelFor } from './find-channel-for';

/** Delete a channel; its deliveries keep the channel's name and kind (the log survives). */
export const deleteChannel = async (ctx: ServiceContext, id: string): Promise<void> => {
  const row = await findChannelFor(ctx, id);
  await inTransaction(ctx.db, async (tx) => {
    await deleteChannelRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'notification-channel.delete',
      targetType: 'notification-channel',
      targetId: id,
      targetName: row.name,
      ...channelTarget(row),
    });
  });
};
