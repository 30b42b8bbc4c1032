import type { Department } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { updateDepartmentRow } from '../../repositories/department-repository';
import { inTransaction, isUniqueViolation } from '../../repositories/db-client';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { toDepartment } from '../mappers';
import { findDepartmentFor } from './find-visible-department';

export const updateDepartment = async (
  ctx: ServiceContext,
  id: string,
  input: { name?: string; description?: string },
): Promise<Department> => {
  const before = await findDepartmentFor(ctx, id, 'department.update');
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const row = await updateDepartmentRow(tx, id, input);
      await recordAudit(tx, ctx, {
        action: 'department.update',
        targetType: 'department',
        targetId: id,
        targetName: row.name,
        departmentId: id,
        detail: { previousName: before.name, fields: Object.keys(input) },
      });
      return toDepartment(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name_taken', { name: input.name ?? '' });
    throw error;
  }
};
