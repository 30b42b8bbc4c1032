import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { placeForChange } from './lbfw-place';

/** Queue load-balancer.delete: a cascade (listeners, pools, members, monitors go with it). */
export const deleteLoadBalancer = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const place = await placeForChange(ctx, 'load-balancer', id, {
    idempotencyKey,
    action: 'load-balancer.delete',
  });
  if (place.earlier) return place.earlier;
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: 'load-balancer.delete',
    target: { externalId: place.row.externalId, resourceId: place.row.id },
    targetName: place.row.name,
    input: { cascade: true },
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
