import type { AssignmentInput, User } from '@yunguan/contract';
import { can, conflict, forbidden, notFound } from '@yunguan/domain';
import { inTransaction, isUniqueViolation } from '../../repositories/db-client';
import { findDepartmentRow } from '../../repositories/department-repository';
import { insertUser } from '../../repositories/user-repository';
import { hashPassword } from '../../security/password';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { toUser } from '../mappers';
import { resolveAssignments } from './resolve-assignments';

export const createUser = async (
  ctx: ServiceContext,
  input: {
    username: string;
    password: string;
    departmentId: string;
    roles: AssignmentInput[];
    displayName?: string;
    email?: string;
    wecomUserId?: string;
    locale?: 'zh-CN' | 'en';
  },
): Promise<User> => {
  const target = { departmentId: input.departmentId, projectId: null };
  if (!can(ctx.principal, 'user.create', target)) {
    const visible =
      can(ctx.principal, 'department.read', target) ||
      ctx.principal.departmentId === input.departmentId;
    throw visible ? forbidden('user.create') : notFound('department', input.departmentId);
  }
  if (!(await findDepartmentRow(ctx.db, input.departmentId)))
    throw notFound('department', input.departmentId);
  const passwordHash = await hashPassword(input.password, ctx.config.hashCost);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const assignments = await resolveAssignments(
        tx,
        ctx.principal,
        input.departmentId,
        input.roles,
      );
      const row = await insertUser(tx, {
        username: input.username,
        passwordHash,
        departmentId: input.departmentId,
        displayName: input.displayName ?? '',
        email: input.email ?? null,
        wecomUserId: input.wecomUserId ?? null,
        locale: input.locale ?? 'zh-CN',
        assignments,
      });
      await recordAudit(tx, ctx, {
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        targetName: row.username,
        departmentId: row.departmentId,
        detail: {
          roles: assignments.map(
            (a) => `${a.roleId}@${a.scope}:${a.projectId ?? a.departmentId ?? '*'}`,
          ),
        },
      });
      return toUser(row, ctx.now());
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('username_taken', { username: input.username });
    throw error;
  }
};
