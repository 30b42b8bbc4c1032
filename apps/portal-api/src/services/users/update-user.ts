import type { AssignmentInput, User } from '@yunguan/contract';
import { afterSuccessfulLogin, can, forbidden, type Scope } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import { deleteSessionsOfUser } from '../../repositories/session-repository';
import {
  replaceAssignments,
  updateUserRow,
  type AssignmentData,
} from '../../repositories/user-repository';
import { hashPassword } from '../../security/password';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { toUser } from '../mappers';
import { findUserFor } from './find-visible-user';
import { canManageAssignment, resolveAssignments } from './resolve-assignments';

export type UpdateUserInput = {
  displayName?: string;
  email?: string | null;
  wecomUserId?: string | null;
  locale?: 'zh-CN' | 'en';
  status?: 'active' | 'disabled';
  password?: string;
  roles?: AssignmentInput[];
  unlock?: true;
};

/** Profile, status, password reset and unlock need user.update over the user's department.
 * `roles` replaces the assignments the caller may manage and keeps the others untouched, so a
 * project admin can change membership of their project without touching anything else. */
export const updateUser = async (
  ctx: ServiceContext,
  id: string,
  input: UpdateUserInput,
): Promise<User> => {
  const user = await findUserFor(ctx, id, 'user.read');
  const { roles, password, unlock, ...profile } = input;
  const touchesAccount =
    Object.keys(profile).length > 0 || password !== undefined || unlock !== undefined;
  if (
    touchesAccount &&
    !can(ctx.principal, 'user.update', { departmentId: user.departmentId, projectId: null })
  ) {
    throw forbidden('user.update');
  }
  const passwordHash = password ? await hashPassword(password, ctx.config.hashCost) : undefined;
  return inTransaction(ctx.db, async (tx) => {
    let assignments: AssignmentData[] | undefined;
    if (roles) {
      const requested = await resolveAssignments(tx, ctx.principal, user.departmentId, roles);
      const kept = user.assignments
        .map((a) => ({
          roleId: a.roleId,
          scope: a.scope as Scope,
          departmentId: a.departmentId,
          projectId: a.projectId,
        }))
        .filter((a) => !canManageAssignment(ctx.principal, a));
      assignments = [...kept, ...requested];
      await replaceAssignments(tx, id, assignments);
    }
    const row = await updateUserRow(tx, id, {
      ...profile,
      ...(passwordHash ? { passwordHash } : {}),
      ...(unlock ? afterSuccessfulLogin() : {}),
    });
    const endSessions = passwordHash !== undefined || profile.status === 'disabled';
    const ended = endSessions ? await deleteSessionsOfUser(tx, id) : 0;
    await recordAudit(tx, ctx, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      targetName: user.username,
      departmentId: user.departmentId,
      detail: {
        fields: Object.keys(input),
        sessionsEnded: ended,
        ...(assignments
          ? {
              roles: assignments.map(
                (a) => `${a.roleId}@${a.scope}:${a.projectId ?? a.departmentId ?? '*'}`,
              ),
            }
          : {}),
      },
    });
    return toUser(row, ctx.now());
  });
};
