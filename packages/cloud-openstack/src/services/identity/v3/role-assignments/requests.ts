import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { roleAssignmentSchema, type RoleAssignment } from './results';
import { projectUserRoleUrl, roleAssignmentsUrl } from './urls';

export const listRoleAssignments = (
  identity: ServiceClient,
  call: Call,
  query: { 'user.id'?: string; 'scope.project.id'?: string },
): Promise<RoleAssignment[]> =>
  listAll(identity, call, {
    path: roleAssignmentsUrl(),
    key: 'role_assignments',
    item: roleAssignmentSchema,
    query,
  });

/** Grant a user a role on a project (idempotent: PUT). */
export const assignProjectRole = async (
  identity: ServiceClient,
  call: Call,
  grant: { projectId: string; userId: string; roleId: string },
) => {
  await identity.request(call, {
    method: 'PUT',
    path: projectUserRoleUrl(grant.projectId, grant.userId, grant.roleId),
    expected: [204],
  });
};
