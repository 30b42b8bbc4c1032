import type { Task } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import type { ServiceContext } from '../context';
import { queueOnResource } from './queue-on-resource';
import { findTaskTarget } from '../resources/task-target';

/** Delete a security group (task security-group.delete); the project's `default` group stays (409). */
export const deleteSecurityGroup = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const target = await findTaskTarget(
    ctx,
    'security-group',
    id,
    'security-group.delete',
    idempotencyKey,
  );
  if (target.earlier) return target.earlier;
  const { found } = target;
  if (found.row.name === 'default')
    throw conflict('security_group_default', { group: found.row.name });
  return queueOnResource(ctx, found, 'security-group.delete', {}, idempotencyKey);
};
