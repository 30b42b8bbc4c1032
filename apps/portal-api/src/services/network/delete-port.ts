import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { queueOnResource } from './queue-on-resource';

/** Delete a port (task port.delete; the cloud refuses router and DHCP ports in its own words). */
export const deletePort = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const found = await findResourceFor(ctx, 'port', id, 'resource.use');
  return queueOnResource(ctx, found, 'port.delete', {}, idempotencyKey);
};
