import type { Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { assertActionAllowed } from './act-on-server';
import { findServerFor } from './find-server-for';
import { queueServerTask } from './queue-server-task';

/** Delete a server: a task (refused while another task runs on it or while it is locked). */
export const deleteServer = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const { server, project } = await findServerFor(ctx, id, 'resource.use');
  assertActionAllowed('delete', server);
  return queueServerTask(ctx, {
    server,
    project,
    action: 'server.delete',
    input: {},
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
