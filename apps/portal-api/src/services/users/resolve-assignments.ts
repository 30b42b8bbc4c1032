import type { AssignmentInput } from '@yunguan/contract';
import {
  builtInRoles,
  can,
  DomainError,
  forbidden,
  isBuiltInRoleId,
  isPlatformAdmin,
  notFound,
  type Principal,
  type Scope,
} from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { findProjectRow } from '../../repositories/project-repository';
import { findRoleRow } from '../../repositories/role-repository';
import type { AssignmentData } from '../../repositories/user-repository';

const invalid = (index: number, reason: string) =>
  new DomainError('VALIDATION', `assignment ${index}: ${reason}`, {
    reason,
    params: { index: index + 1 },
    issues: [{ path: `roles.${index}`, message: reason }],
  });

const scopesOf = async (db: DbClient, roleId: string): Promise<readonly Scope[] | null> => {
  if (isBuiltInRoleId(roleId)) return builtInRoles[roleId].scopes;
  const row = await findRoleRow(db, roleId);
  return row ? (row.scopes as Scope[]) : null;
};

/** May the principal grant or revoke this assignment? */
export const canManageAssignment = (principal: Principal, a: AssignmentData): boolean => {
  switch (a.scope) {
    case 'platform':
      return isPlatformAdmin(principal);
    case 'department':
      return can(principal, 'user.update', { departmentId: a.departmentId, projectId: null });
    case 'project':
      return can(principal, 'project.members', {
        departmentId: a.departmentId,
        projectId: a.projectId,
      });
  }
};

/** Validate requested role assignments for a user of `userDepartmentId` and check that the
 * principal may grant each one. Department and project roles stay inside the user's department. */
export const resolveAssignments = async (
  db: DbClient,
  principal: Principal,
  userDepartmentId: string | null,
  inputs: readonly AssignmentInput[],
): Promise<AssignmentData[]> => {
  const out = new Map<string, AssignmentData>();
  for (const [index, input] of inputs.entries()) {
    const scopes = await scopesOf(db, input.role);
    if (!scopes) throw invalid(index, 'assignment_unknown_role');
    if (!scopes.includes(input.scope)) throw invalid(index, 'assignment_scope_not_allowed');
    let data: AssignmentData;
    if (input.scope === 'platform') {
      if (input.departmentId || input.projectId)
        throw invalid(index, 'assignment_platform_has_target');
      data = { roleId: input.role, scope: 'platform', departmentId: null, projectId: null };
    } else if (input.scope === 'department') {
      if (!input.departmentId || input.projectId) throw invalid(index, 'assignment_missing_target');
      if (input.departmentId !== userDepartmentId)
        throw invalid(index, 'assignment_outside_department');
      data = {
        roleId: input.role,
        scope: 'department',
        departmentId: input.departmentId,
        projectId: null,
      };
    } else {
      if (!input.projectId) throw invalid(index, 'assignment_missing_target');
      const project = await findProjectRow(db, input.projectId);
      const target = { departmentId: project?.departmentId ?? null, projectId: input.projectId };
      if (!project || !can(principal, 'project.read', target))
        throw notFound('project', input.projectId);
      if (input.departmentId && input.departmentId !== project.departmentId)
        throw invalid(index, 'assignment_missing_target');
      if (project.departmentId !== userDepartmentId)
        throw invalid(index, 'assignment_outside_department');
      data = {
        roleId: input.role,
        scope: 'project',
        departmentId: project.departmentId,
        projectId: project.id,
      };
    }
    if (!canManageAssignment(principal, data))
      throw forbidden(data.scope === 'project' ? 'project.members' : 'user.update');
    out.set(
      `${data.roleId}|${data.scope}|${data.departmentId ?? ''}|${data.projectId ?? ''}`,
      data,
    );
  }
  return [...out.values()];
};
