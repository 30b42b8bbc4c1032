import type { AuditEvent, Department, Project, Role, User } from '@yunguan/contract';
import { isLocked, type MenuKey, type Permission, type Scope } from '@yunguan/domain';
import type { AuditRow } from '../repositories/audit-repository';
import type { DepartmentRow } from '../repositories/department-repository';
import type { ProjectRow } from '../repositories/project-repository';
import type { RoleRow } from '../repositories/role-repository';
import type { UserRow } from '../repositories/user-repository';

export const toDepartment = (row: DepartmentRow): Department => ({
  id: row.id,
  name: row.name,
  description: row.description,
  projectCount: row._count.projects,
  userCount: row._count.users,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toProject = (row: ProjectRow): Project => ({
  id: row.id,
  name: row.name,
  description: row.description,
  departmentId: row.departmentId,
  departmentName: row.department.name,
  memberCount: row._count.assignments,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toUser = (row: UserRow, now: Date): User => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  email: row.email,
  wecomUserId: row.wecomUserId,
  locale: row.locale === 'en' ? 'en' : 'zh-CN',
  departmentId: row.departmentId,
  departmentName: row.department?.name ?? null,
  status: row.status === 'disabled' ? 'disabled' : 'active',
  locked: isLocked(row, now),
  totpEnabled: row.totpEnabled,
  roles: row.assignments.map((a) => ({
    role: a.roleId,
    roleName: a.role.name,
    scope: a.scope as Scope,
    departmentId: a.departmentId,
    projectId: a.projectId,
    projectName: a.project?.name ?? null,
  })),
  lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

export const toRole = (row: RoleRow): Role => ({
  id: row.id,
  name: row.name,
  description: row.description,
  builtIn: row.builtIn,
  scopes: row.scopes as Scope[],
  permissions: row.permissions as Permission[],
  menus: row.menus as MenuKey[],
  assignmentCount: row._count.assignments,
  createdAt: row.createdAt.toISOString(),
});

export const toAuditEvent = (row: AuditRow): AuditEvent => ({
  id: row.id.toString(),
  at: row.at.toISOString(),
  actorId: row.actorId,
  actorName: row.actorName,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  targetName: row.targetName,
  departmentId: row.departmentId,
  projectId: row.projectId,
  sourceIp: row.sourceIp,
  result: row.result,
  requestId: row.requestId,
  detail: row.detail && typeof row.detail === 'object' ? { ...row.detail } : {},
});
