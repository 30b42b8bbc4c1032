import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueOnResource } from './queue-on-resource';
import { findTaskTarget } from '../resources/task-target';

/** Delete a network (task network.delete; the cloud refuses while ports use it). */
export const deleteNetwork = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const target = await findTaskTarget(ctx, 'network', id, 'network.delete', idempotencyKey);
  if (target.earlier) return target.earlier;
  const { found } = target;
  const { subnetExternalIds } = found.row.spec as { subnetExternalIds?: string[] };
  return queueOnResource(
    ctx,
    found,
    'network.delete',
    { subnetExternalIds: subnetExternalIds ?? [] },
    idempotencyKey,
  );
};
