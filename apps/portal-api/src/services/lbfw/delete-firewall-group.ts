import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { placeForChange } from './lbfw-place';

/** Queue firewall-group.delete (the task releases its ports first). */
export const deleteFirewallGroup = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const place = await placeForChange(ctx, 'firewall-group', id, {
    idempotencyKey,
    action: 'firewall-group.delete',
  });
  if (place.earlier) return place.earlier;
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: 'firewall-group.delete',
    target: { externalId: place.row.externalId, resourceId: place.row.id },
    targetName: place.row.name,
    input: {},
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
