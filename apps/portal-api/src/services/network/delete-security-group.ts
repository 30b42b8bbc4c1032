import type { Task } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { queueOnResource } from './queue-on-resource';

/** Delete a security group (task security-group.delete); the project's `default` group stays (409). */
export const deleteSecurityGroup = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const found = await findResourceFor(ctx, 'security-group', id, 'resource.use');
  if (found.row.name === 'default')
    throw conflict('security_group_default', { group: found.row.name });
  return queueOnResource(ctx, found, 'security-group.delete', {}, idempotencyKey);
};
