import { assertCan, notFound, type Permission } from '@yunguan/domain';
import { findDepartmentRow, type DepartmentRow } from '../../repositories/department-repository';
import type { DbClient } from '../../repositories/db-client';
import type { ServiceContext } from '../context';

/** Load a department and check `permission` on it (404 when out of reach). */
export const findDepartmentFor = async (
  ctx: ServiceContext,
  id: string,
  permission: Permission,
  db: DbClient = ctx.db,
): Promise<DepartmentRow> => {
  const row = await findDepartmentRow(db, id);
  if (!row) throw notFound('department', id);
  assertCan(
    ctx.principal,
    permission,
    { departmentId: row.id, projectId: null },
    'department.read',
    'department',
  );
  return row;
};
