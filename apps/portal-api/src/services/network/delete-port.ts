import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueOnResource } from './queue-on-resource';
import { findTaskTarget } from '../resources/task-target';

/** Delete a port (task port.delete; the cloud refuses router and DHCP ports in its own words). */
export const deletePort = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const target = await findTaskTarget(ctx, 'port', id, 'port.delete', idempotencyKey);
  if (target.earlier) return target.earlier;
  const { found } = target;
  return queueOnResource(ctx, found, 'port.delete', {}, idempotencyKey);
};
