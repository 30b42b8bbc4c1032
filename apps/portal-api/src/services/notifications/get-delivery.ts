import type { DeliveryDetail } from '@yunguan/contract';
import { can, notFound, platformTarget } from '@yunguan/domain';
import { findDeliveryRow, listAttemptRows } from '../../repositories/notification-repository';
import type { ServiceContext } from '../context';
import { toDeliveryDetail } from './to-delivery';

/** One delivery with its attempts; outside the caller's scopes it does not exist (404). */
export const getDelivery = async (ctx: ServiceContext, id: string): Promise<DeliveryDetail> => {
  const row = await findDeliveryRow(ctx.db, id);
  const target =
    row?.projectId || row?.departmentId
      ? { departmentId: row.departmentId, projectId: row.projectId }
      : platformTarget;
  if (!row || !can(ctx.principal, 'notification.manage', target))
    throw notFound('notification', id);
  return toDeliveryDetail(row, await listAttemptRows(ctx.db, id));
};
