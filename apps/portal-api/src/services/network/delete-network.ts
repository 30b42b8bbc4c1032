import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { queueOnResource } from './queue-on-resource';

/** Delete a network (task network.delete; the cloud refuses while ports use it). */
export const deleteNetwork = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const found = await findResourceFor(ctx, 'network', id, 'resource.use');
  const { subnetExternalIds } = found.row.spec as { subnetExternalIds?: string[] };
  return queueOnResource(
    ctx,
    found,
    'network.delete',
    { subnetExternalIds: subnetExternalIds ?? [] },
    idempotencyKey,
  );
};
