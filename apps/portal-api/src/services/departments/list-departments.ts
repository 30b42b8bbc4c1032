import type { Department } from '@yunguan/contract';
import { reachOf } from '@yunguan/domain';
import { listDepartmentRows } from '../../repositories/department-repository';
import type { ServiceContext } from '../context';
import { toDepartment } from '../mappers';

export const listDepartments = async (
  ctx: ServiceContext,
  input: { page: number; pageSize: number; q?: string },
): Promise<{ items: Department[]; total: number; page: number; pageSize: number }> => {
  const reach = reachOf(ctx.principal, 'department.read');
  const { rows, total } = await listDepartmentRows(ctx.db, { reach, ...input });
  return { items: rows.map(toDepartment), total, page: input.page, pageSize: input.pageSize };
};
