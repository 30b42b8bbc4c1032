import type { Role } from '@yunguan/contract';
import { hasAnyGrantOf, notFound } from '@yunguan/domain';
import { findRoleRow } from '../../repositories/role-repository';
import type { ServiceContext } from '../context';
import { toRole } from '../mappers';

export const getRole = async (ctx: ServiceContext, id: string): Promise<Role> => {
  const row = hasAnyGrantOf(ctx.principal, 'role.read') ? await findRoleRow(ctx.db, id) : null;
  if (!row) throw notFound('role', id);
  return toRole(row);
};
