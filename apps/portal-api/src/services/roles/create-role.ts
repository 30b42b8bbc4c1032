import { randomUUID } from 'node:crypto';
import type { Role } from '@yunguan/contract';
import {
  assertHas,
  conflict,
  platformTarget,
  scopedPermissions,
  type MenuKey,
  type Permission,
} from '@yunguan/domain';
import { inTransaction, isUniqueViolation } from '../../repositories/db-client';
import { insertRole } from '../../repositories/role-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { toRole } from '../mappers';

/** Custom roles hold only permissions that make sense inside a department or project. */
export const onlyScoped = (permissions: readonly Permission[]) =>
  [...new Set(permissions)].filter((p) => scopedPermissions.includes(p));

export const createRole = async (
  ctx: ServiceContext,
  input: { name: string; description: string; permissions: Permission[]; menus: MenuKey[] },
): Promise<Role> => {
  assertHas(ctx.principal, 'role.create', platformTarget);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const row = await insertRole(tx, {
        id: `custom-${randomUUID()}`,
        name: input.name,
        description: input.description,
        scopes: ['department', 'project'],
        permissions: onlyScoped(input.permissions),
        menus: [...new Set(input.menus)],
      });
      await recordAudit(tx, ctx, {
        action: 'role.create',
        targetType: 'role',
        targetId: row.id,
        targetName: row.name,
        detail: { permissions: row.permissions, menus: row.menus },
      });
      return toRole(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name_taken', { name: input.name });
    throw error;
  }
};
