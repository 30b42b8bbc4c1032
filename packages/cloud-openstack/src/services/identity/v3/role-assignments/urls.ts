export const roleAssignmentsUrl = () => 'role_assignments';
export const projectUserRoleUrl = (projectId: string, userId: string, roleId: string) =>
  `projects/${encodeURIComponent(projectId)}/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(roleId)}`;
