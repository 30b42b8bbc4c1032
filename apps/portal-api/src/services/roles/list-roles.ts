import type { Role } from '@yunguan/contract';
import { forbidden, hasAnyGrantOf } from '@yunguan/domain';
import { listRoleRows } from '../../repositories/role-repository';
import type { ServiceContext } from '../context';
import { toRole } from '../mappers';

/** Role definitions are platform-wide; anyone who manages members may read them. */
export const listRoles = async (ctx: ServiceContext): Promise<Role[]> => {
  if (!hasAnyGrantOf(ctx.principal, 'role.read')) throw forbidden('role.read');
  return (await listRoleRows(ctx.db)).map(toRole);
};
