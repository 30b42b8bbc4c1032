import type { Channel } from '@yunguan/contract';
import { reachOf } from '@yunguan/domain';
import { listChannelRows } from '../../repositories/notification-channel-repository';
import type { ServiceContext } from '../context';
import { toChannel } from './to-channel';

export const listChannels = async (
  ctx: ServiceContext,
  query: {
    projectId?: string | undefined;
    kind?: Channel['kind'] | undefined;
    q?: string | undefined;
  },
): Promise<{ items: Channel[] }> => {
  const rows = await listChannelRows(ctx.db, {
    reach: reachOf(ctx.principal, 'notification.manage'),
    ...query,
  });
  return { items: rows.map((r) => toChannel(ctx.config.secretBox, r)) };
};
