import type { Server, ServerListQuery } from '@yunguan/contract';
import { notFound } from '@yunguan/domain';
import { listServerPage } from '../../repositories/server-page-repository';
import type { ServiceContext } from '../context';
import { assertProjectAccess } from '../projects/find-visible-project';
import { toServer } from './to-server';

type Page = { items: Server[]; total: number; page: number; pageSize: number };

/**
 * The project's servers from the inventory mirror, each with the unfinished task running on it.
 * The project, the total and the page come in one statement (ADR 0120); the rows are returned
 * only once the permission check on the project has passed — a caller out of reach gets the
 * project's 404 (or 403) and nothing else.
 */
export const listServers = async (
  ctx: ServiceContext,
  projectId: string,
  query: ServerListQuery,
): Promise<Page> => {
  const page = await listServerPage(
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
  );
  if (!page) throw notFound('project', projectId);
  assertProjectAccess(ctx, page.project, 'resource.read');
  return {
    items: page.rows.map((r) => toServer(r, page.project.departmentId, r.activeTask)),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
  };
};
