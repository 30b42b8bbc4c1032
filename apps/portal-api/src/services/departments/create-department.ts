import type { Department } from '@yunguan/contract';
import { assertHas, conflict, platformTarget } from '@yunguan/domain';
import { insertDepartment } from '../../repositories/department-repository';
import { inTransaction, isUniqueViolation } from '../../repositories/db-client';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { toDepartment } from '../mappers';

export const createDepartment = async (
  ctx: ServiceContext,
  input: { name: string; description: string },
): Promise<Department> => {
  assertHas(ctx.principal, 'department.create', platformTarget);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const row = await insertDepartment(tx, input);
      await recordAudit(tx, ctx, {
        action: 'department.create',
        targetType: 'department',
        targetId: row.id,
        targetName: row.name,
        departmentId: row.id,
      });
      return toDepartment(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name_taken', { name: input.name });
    throw error;
  }
};
