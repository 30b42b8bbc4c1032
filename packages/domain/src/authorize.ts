import { forbidden, notFound } from './errors';
import type { MenuKey, Permission, Scope } from './permissions';

/** One role assignment resolved to its permissions. */
export type Grant = {
  roleId: string;
  scope: Scope;
  departmentId: string | null;
  projectId: string | null;
  permissions: readonly Permission[];
  menus: readonly MenuKey[];
};

export type Principal = {
  userId: string;
  username: string;
  departmentId: string | null;
  grants: readonly Grant[];
};

/** Where an object lives. A department-level object has no projectId; platform objects neither. */
export type Target = { departmentId: string | null; projectId: string | null };

export const platformTarget: Target = { departmentId: null, projectId: null };

const grantCovers = (grant: Grant, target: Target): boolean => {
  switch (grant.scope) {
    case 'platform':
      return true;
    case 'department':
      return target.departmentId !== null && grant.departmentId === target.departmentId;
    case 'project':
      return target.projectId !== null && grant.projectId === target.projectId;
  }
};

/** Pure rule: does the principal hold `permission` over `target`? */
export const can = (principal: Principal, permission: Permission, target: Target): boolean =>
  principal.grants.some((g) => g.permissions.includes(permission) && grantCovers(g, target));

export const isPlatformAdmin = (principal: Principal): boolean =>
  principal.grants.some((g) => g.scope === 'platform');

/**
 * Check `permission` on an object. When the principal cannot even read the object the answer is
 * NOT_FOUND (objects outside one's reach do not exist for them); when they can read it but not
 * act, FORBIDDEN.
 */
export const assertCan = (
  principal: Principal,
  permission: Permission,
  target: Target,
  readPermission: Permission,
  entity: string,
): void => {
  if (can(principal, permission, target)) return;
  if (!can(principal, readPermission, target)) throw notFound(entity);
  throw forbidden(permission);
};

/** Check a permission that is not about one existing object (list, create at platform level). */
export const assertHas = (principal: Principal, permission: Permission, target: Target): void => {
  if (!can(principal, permission, target)) throw forbidden(permission);
};

export type Reach = { all: true } | { all: false; departmentIds: string[]; projectIds: string[] };

/** Which departments / projects a principal may see with `permission` — used to filter lists. */
export const reachOf = (principal: Principal, permission: Permission): Reach => {
  const grants = principal.grants.filter((g) => g.permissions.includes(permission));
  if (grants.some((g) => g.scope === 'platform')) return { all: true };
  const departmentIds = new Set<string>();
  const projectIds = new Set<string>();
  for (const g of grants) {
    if (g.scope === 'department' && g.departmentId) departmentIds.add(g.departmentId);
    if (g.scope === 'project' && g.projectId) projectIds.add(g.projectId);
  }
  return { all: false, departmentIds: [...departmentIds], projectIds: [...projectIds] };
};

export const hasAnyGrantOf = (principal: Principal, permission: Permission): boolean =>
  principal.grants.some((g) => g.permissions.includes(permission));

export const menusOf = (principal: Principal): MenuKey[] => [
  ...new Set(principal.grants.flatMap((g) => g.menus)),
];

export const permissionsOf = (principal: Principal): Permission[] => [
  ...new Set(principal.grants.flatMap((g) => g.permissions)),
];
