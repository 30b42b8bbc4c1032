import type { Task } from '@yunguan/contract';
import type { RouterDto } from '@yunguan/cloud-core';
import { conflict } from '@yunguan/domain';
import type { ServiceContext } from '../context';
import { queueOnResource } from './queue-on-resource';
import { findTaskTarget } from '../resources/task-target';

/** Delete a router (task router.delete); 409 router_in_use while it has interfaces. */
export const deleteRouter = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const target = await findTaskTarget(ctx, 'router', id, 'router.delete', idempotencyKey);
  if (target.earlier) return target.earlier;
  const { found } = target;
  const count = (found.row.spec as unknown as RouterDto).interfaces?.length ?? 0;
  if (count > 0) throw conflict('router_in_use', { router: found.row.name, count });
  return queueOnResource(ctx, found, 'router.delete', {}, idempotencyKey);
};
