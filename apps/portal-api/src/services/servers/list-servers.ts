import type { Server, ServerListQuery } from '@yunguan/contract';
import { listServerPage } from '../../repositories/server-page-repository';
import type { ServiceContext } from '../context';
import { findProjectScopeFor } from '../projects/find-visible-project';
import { toServer } from './to-server';

type Page = { items: Server[]; total: number; page: number; pageSize: number };

/**
 * The project's servers from the inventory mirror, each with the unfinished task running on it.
 * The permission check and the page are read in parallel (ADR 0120); the rows are returned only
 * once the check has passed — a caller out of reach gets the project's 404 and nothing else.
 */
export const listServers = async (
  ctx: ServiceContext,
  projectId: string,
  query: ServerListQuery,
): Promise<Page> => {
  const [project, { rows, total }] = await Promise.all([
    findProjectScopeFor(ctx, projectId, 'resource.read'),
    listServerPage(
      ctx.db,
      {
        projectId,
        includeDeleted: query.includeDeleted,
        ...(query.status ? { status: query.status } : {}),
        ...(query.datacenterId ? { datacenterId: query.datacenterId } : {}),
        ...(query.q ? { q: query.q } : {}),
      },
      query.sort,
      query.page,
      query.pageSize,
    ),
  ]);
  return {
    items: rows.map((r) => toServer(r, project.departmentId, r.activeTask)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
};
