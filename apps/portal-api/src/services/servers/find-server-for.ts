import { assertCan, notFound, type Permission } from '@yunguan/domain';
import { findProjectRow, type ProjectRow } from '../../repositories/project-repository';
import { findServerRow, type ServerRow } from '../../repositories/server-repository';
import type { ServiceContext } from '../context';

/**
 * A server from the mirror with its project, checking `permission` on it: outside the caller's
 * reach (or owned by no project, for anyone but platform admins) it does not exist (404).
 */
export const findServerFor = async (
  ctx: ServiceContext,
  id: string,
  permission: Permission,
): Promise<{ server: ServerRow; project: ProjectRow }> => {
  const server = await findServerRow(ctx.db, id);
  const project = server?.projectId ? await findProjectRow(ctx.db, server.projectId) : null;
  if (!server || !project) throw notFound('server', id);
  assertCan(
    ctx.principal,
    permission,
    { departmentId: project.departmentId, projectId: project.id },
    'resource.read',
    'server',
  );
  return { server, project };
};
