import type { Role } from '@yunguan/contract';
import {
  assertHas,
  conflict,
  notFound,
  platformTarget,
  precondition,
  type MenuKey,
  type Permission,
} from '@yunguan/domain';
import { inTransaction, isUniqueViolation } from '../../repositories/db-client';
import { findRoleRow, updateRoleRow } from '../../repositories/role-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { toRole } from '../mappers';
import { onlyScoped } from './create-role';

export const findCustomRole = async (ctx: ServiceContext, id: string) => {
  const row = await findRoleRow(ctx.db, id);
  if (!row) throw notFound('role', id);
  if (row.builtIn) throw precondition('built_in_role');
  return row;
};

export const updateRole = async (
  ctx: ServiceContext,
  id: string,
  input: { name?: string; description?: string; permissions?: Permission[]; menus?: MenuKey[] },
): Promise<Role> => {
  assertHas(ctx.principal, 'role.update', platformTarget);
  await findCustomRole(ctx, id);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const row = await updateRoleRow(tx, id, {
        ...input,
        ...(input.permissions ? { permissions: onlyScoped(input.permissions) } : {}),
        ...(input.menus ? { menus: [...new Set(input.menus)] } : {}),
      });
      await recordAudit(tx, ctx, {
        action: 'role.update',
        targetType: 'role',
        targetId: id,
        targetName: row.name,
        detail: { permissions: row.permissions, menus: row.menus },
      });
      return toRole(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name_taken', { name: input.name ?? '' });
    throw error;
  }
};
