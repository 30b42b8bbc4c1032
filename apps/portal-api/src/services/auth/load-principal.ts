import {
  builtInRoles,
  isBuiltInRoleId,
  scopedPermissions,
  type Grant,
  type MenuKey,
  type Permission,
  type Principal,
  type Scope,
} from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { findRoleRows } from '../../repositories/role-repository';
import type { UserRow } from '../../repositories/user-repository';

/** Resolve a user's assignments into grants. Built-in roles take their permissions from code;
 * custom roles from the database, restricted to permissions that may be scoped. */
export const loadPrincipal = async (db: DbClient, user: UserRow): Promise<Principal> => {
  const customIds = user.assignments.map((a) => a.roleId).filter((id) => !isBuiltInRoleId(id));
  const custom = new Map((await findRoleRows(db, customIds)).map((r) => [r.id, r]));
  const grants: Grant[] = [];
  for (const a of user.assignments) {
    const scope = a.scope as Scope;
    const base = { roleId: a.roleId, scope, departmentId: a.departmentId, projectId: a.projectId };
    if (isBuiltInRoleId(a.roleId)) {
      const role = builtInRoles[a.roleId];
      if (!role.scopes.includes(scope)) continue;
      grants.push({ ...base, permissions: role.permissions, menus: role.menus });
      continue;
    }
    const row = custom.get(a.roleId);
    if (!row || scope === 'platform') continue;
    grants.push({
      ...base,
      permissions: row.permissions.filter((p): p is Permission =>
        scopedPermissions.includes(p as Permission),
      ),
      menus: row.menus as MenuKey[],
    });
  }
  return { userId: user.id, username: user.username, departmentId: user.departmentId, grants };
};
