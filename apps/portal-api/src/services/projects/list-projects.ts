import type { Project } from '@yunguan/contract';
import { reachOf } from '@yunguan/domain';
import { listProjectRows } from '../../repositories/project-repository';
import type { ServiceContext } from '../context';
import { toProject } from '../mappers';

export const listProjects = async (
  ctx: ServiceContext,
  input: { page: number; pageSize: number; q?: string; departmentId?: string },
): Promise<{ items: Project[]; total: number; page: number; pageSize: number }> => {
  const reach = reachOf(ctx.principal, 'project.read');
  const { rows, total } = await listProjectRows(ctx.db, { reach, ...input });
  return { items: rows.map(toProject), total, page: input.page, pageSize: input.pageSize };
};
