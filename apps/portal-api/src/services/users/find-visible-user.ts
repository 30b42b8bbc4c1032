import { can, forbidden, notFound, type Permission, type Principal } from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { findUserRow, type UserRow } from '../../repositories/user-repository';
import type { ServiceContext } from '../context';

const departmentTarget = (user: UserRow) => ({ departmentId: user.departmentId, projectId: null });

/** A user is visible to themselves, to holders of user.read over their department, and to
 * holders of user.read over a project they belong to. */
export const canSeeUser = (principal: Principal, user: UserRow): boolean =>
  principal.userId === user.id ||
  can(principal, 'user.read', departmentTarget(user)) ||
  user.assignments.some(
    (a) =>
      a.projectId !== null &&
      can(principal, 'user.read', { departmentId: a.departmentId, projectId: a.projectId }),
  );

export const findUserFor = async (
  ctx: ServiceContext,
  id: string,
  permission: Permission | 'user.read',
  db: DbClient = ctx.db,
): Promise<UserRow> => {
  const user = await findUserRow(db, id);
  if (!user || !canSeeUser(ctx.principal, user)) throw notFound('user', id);
  if (permission !== 'user.read' && !can(ctx.principal, permission, departmentTarget(user)))
    throw forbidden(permission);
  return user;
};
