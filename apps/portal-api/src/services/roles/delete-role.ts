import { assertHas, platformTarget, precondition } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import { deleteRoleRow } from '../../repositories/role-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findCustomRole } from './update-role';

export const deleteRole = async (ctx: ServiceContext, id: string): Promise<void> => {
  assertHas(ctx.principal, 'role.delete', platformTarget);
  const row = await findCustomRole(ctx, id);
  if (row._count.assignments > 0)
    throw precondition('role_in_use', { count: row._count.assignments });
  await inTransaction(ctx.db, async (tx) => {
    await deleteRoleRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'role.delete',
      targetType: 'role',
      targetId: id,
      targetName: row.name,
    });
  });
};
