import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueOnResource } from './queue-on-resource';
import { findTaskTarget } from '../resources/task-target';

/** Release a floating IP (task floating-ip.delete; an associated one is released too, as Neutron does). */
export const deleteFloatingIp = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const target = await findTaskTarget(ctx, 'floating-ip', id, 'floating-ip.delete', idempotencyKey);
  if (target.earlier) return target.earlier;
  const { found } = target;
  return queueOnResource(ctx, found, 'floating-ip.delete', {}, idempotencyKey);
};
