import { notFound } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import {
  findDepartmentRow,
  lockLiveDepartment,
  softDeleteDepartmentRow,
} from '../../repositories/department-repository';
import { countOwnedUsage } from '../../repositories/owned-usage-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { assertOwnsNothing } from '../owners/assert-owns-nothing';
import { findDepartmentFor } from './find-visible-department';

/**
 * Only an empty department goes: no live projects, no users, no live mirror rows in any of its
 * projects and no unfinished tasks — else 409 `department_not_empty` with the counts, nothing
 * changed. Then a soft delete (docs/adr/0113), under the row lock (see deleteProject).
 */
export const deleteDepartment = async (ctx: ServiceContext, id: string): Promise<void> => {
  await inTransaction(ctx.db, async (tx) => {
    const found = await findDepartmentFor(ctx, id, 'department.delete', tx);
    if (!(await lockLiveDepartment(tx, id))) throw notFound('department', id);
    // Counted again under the lock: a project or user created meanwhile is seen.
    const row = (await findDepartmentRow(tx, id)) ?? found;
    const usage = await countOwnedUsage(tx, { kind: 'department', id });
    assertOwnsNothing('department', row.name, usage, {
      projects: row._count.projects,
      users: row._count.users,
    });
    await softDeleteDepartmentRow(tx, id, ctx.now());
    await recordAudit(tx, ctx, {
      action: 'department.delete',
      targetType: 'department',
      targetId: id,
      targetName: row.name,
      departmentId: id,
    });
  });
};
