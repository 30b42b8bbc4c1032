import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { queueOnResource } from './queue-on-resource';

/** Release a floating IP (task floating-ip.delete; an associated one is released too, as Neutron does). */
export const deleteFloatingIp = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const found = await findResourceFor(ctx, 'floating-ip', id, 'resource.use');
  return queueOnResource(ctx, found, 'floating-ip.delete', {}, idempotencyKey);
};
