import type { ServerDetail } from '@yunguan/contract';
import {
  findActiveTaskOfTarget,
  listRecentTasksOfTarget,
} from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { toTask } from '../tasks/to-task';
import { findServerFor } from './find-server-for';
import { toServer } from './to-server';

export const getServer = async (ctx: ServiceContext, id: string): Promise<ServerDetail> => {
  const { server, project } = await findServerFor(ctx, id, 'resource.read');
  const [active, recent] = await Promise.all([
    findActiveTaskOfTarget(ctx.db, server.datacenterId, server.externalId),
    listRecentTasksOfTarget(
      ctx.db,
      { resourceId: server.id, datacenterId: server.datacenterId, externalId: server.externalId },
      10,
    ),
  ]);
  return {
    ...toServer(
      server,
      project.departmentId,
      active ? { id: active.id, action: active.action, status: active.status } : null,
    ),
    recentTasks: recent.map((r) => toTask(r)),
  };
};
