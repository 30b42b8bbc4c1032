import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { assertActionAllowed } from './act-on-server';
import { findServerFor } from './find-server-for';

/** Delete a server: a task (refused while another task runs on it or while it is locked). */
export const deleteServer = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const { server, project } = await findServerFor(ctx, id, 'resource.use');
  assertActionAllowed('delete', server);
  return queueTask(ctx, {
    project,
    datacenterId: server.datacenterId,
    action: 'server.delete',
    target: { externalId: server.externalId, resourceId: server.id },
    targetName: server.name,
    input: {},
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
