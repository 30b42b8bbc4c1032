import { assertCan, platformTarget, notFound, type Target } from '@yunguan/domain';
import {
  findChannelRow,
  type ChannelRow,
} from '../../repositories/notification-channel-repository';
import type { ServiceContext } from '../context';

export const channelTarget = (row: {
  projectId: string | null;
  departmentId: string | null;
}): Target =>
  row.projectId ? { departmentId: row.departmentId, projectId: row.projectId } : platformTarget;

/**
 * A channel the caller manages: platform channels for platform admins, a project's for whoever
 * holds notification.manage over it. Anything else does not exist for the caller (404).
 */
export const findChannelFor = async (ctx: ServiceContext, id: string): Promise<ChannelRow> => {
  const row = await findChannelRow(ctx.db, id);
  if (!row) throw notFound('notification channel', id);
  assertCan(
    ctx.principal,
    'notification.manage',
    channelTarget(row),
    'notification.manage',
    'notification channel',
  );
  return row;
};
