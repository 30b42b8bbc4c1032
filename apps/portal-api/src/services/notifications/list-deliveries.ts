import type { Delivery, DeliveryStatus } from '@yunguan/contract';
import { reachOf } from '@yunguan/domain';
import { listDeliveryRows } from '../../repositories/notification-repository';
import type { ServiceContext } from '../context';
import { toDelivery } from './to-delivery';

/** The delivery log the caller may read: platform-wide for platform admins, else their scopes'. */
export const listDeliveries = async (
  ctx: ServiceContext,
  query: {
    page: number;
    pageSize: number;
    q?: string | undefined;
    status?: DeliveryStatus | undefined;
    channelId?: string | undefined;
    projectId?: string | undefined;
    eventType?: string | undefined;
  },
): Promise<{ items: Delivery[]; total: number; page: number; pageSize: number }> => {
  const { rows, total } = await listDeliveryRows(ctx.db, {
    reach: reachOf(ctx.principal, 'notification.manage'),
    ...query,
  });
  return { items: rows.map(toDelivery), total, page: query.page, pageSize: query.pageSize };
};
