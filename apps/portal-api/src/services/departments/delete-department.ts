import { precondition } from '@yunguan/domain';
import { deleteDepartmentRow } from '../../repositories/department-repository';
import { inTransaction } from '../../repositories/db-client';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findDepartmentFor } from './find-visible-department';

/** Only an empty department goes: projects and users must be moved or deleted first. */
export const deleteDepartment = async (ctx: ServiceContext, id: string): Promise<void> => {
  await inTransaction(ctx.db, async (tx) => {
    const row = await findDepartmentFor(ctx, id, 'department.delete', tx);
    if (row._count.projects > 0 || row._count.users > 0) {
      throw precondition('department_not_empty', {
        projects: row._count.projects,
        users: row._count.users,
      });
    }
    await deleteDepartmentRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'department.delete',
      targetType: 'department',
      targetId: id,
      targetName: row.name,
      departmentId: id,
    });
  });
};
