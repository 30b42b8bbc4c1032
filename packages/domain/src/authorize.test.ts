import { describe, expect, test } from 'vitest';
import {
  assertCan,
  assertHas,
  can,
  hasAnyGrantOf,
  isPlatformAdmin,
  menusOf,
  permissionsOf,
  platformTarget,
  reachOf,
} from './authorize';
import type { Grant, Principal, Target } from './authorize';
import { DomainError } from './errors';
import { builtInRoles, permissions } from './permissions';
import type { BuiltInRoleId, Permission, Scope } from './permissions';

// Every role is assigned inside department dep-a / project prj-a (super_admin at platform scope).
const targets = {
  own: { departmentId: 'dep-a', projectId: 'prj-a' },
  otherDepartment: { departmentId: 'dep-b', projectId: 'prj-b' },
  platform: platformTarget,
} satisfies Record<string, Target>;
type TargetName = keyof typeof targets;

/**
 * The expected permission matrix, written out by hand (never derived from builtInRoles).
 * Columns are roles; each cell reads own / other department / platform: Y = allowed, n = refused.
 */
const roleColumns: BuiltInRoleId[] = ['super_admin', 'department_admin', 'project_admin', 'member'];
type YesNo = 'Y' | 'n';
type Cell = `${YesNo}${YesNo}${YesNo}`;
const matrix: Record<Permission, [Cell, Cell, Cell, Cell]> = {
  //                         super  dept   proj   member
  'department.read': ['YYY', 'Ynn', 'nnn', 'nnn'],
  'department.create': ['YYY', 'nnn', 'nnn', 'nnn'],
  'department.update': ['YYY', 'Ynn', 'nnn', 'nnn'],
  'department.delete': ['YYY', 'nnn', 'nnn', 'nnn'],
  'project.read': ['YYY', 'Ynn', 'Ynn', 'Ynn'],
  'project.create': ['YYY', 'Ynn', 'nnn', 'nnn'],
  'project.update': ['YYY', 'Ynn', 'Ynn', 'nnn'],
  'project.delete': ['YYY', 'Ynn', 'nnn', 'nnn'],
  'project.members': ['YYY', 'Ynn', 'Ynn', 'nnn'],
  'user.read': ['YYY', 'Ynn', 'Ynn', 'nnn'],
  'user.create': ['YYY', 'Ynn', 'nnn', 'nnn'],
  'user.update': ['YYY', 'Ynn', 'nnn', 'nnn'],
  'user.delete': ['YYY', 'Ynn', 'nnn', 'nnn'],
  'role.read': ['YYY', 'Ynn', 'Ynn', 'nnn'],
  'role.create': ['YYY', 'nnn', 'nnn', 'nnn'],
  'role.update': ['YYY', 'nnn', 'nnn', 'nnn'],
  'role.delete': ['YYY', 'nnn', 'nnn', 'nnn'],
  'quota.read': ['YYY', 'Ynn', 'Ynn', 'Ynn'],
  'quota.update.department': ['YYY', 'nnn', 'nnn', 'nnn'],
  'quota.update.project': ['YYY', 'Ynn', 'nnn', 'nnn'],
  'audit.read': ['YYY', 'Ynn', 'Ynn', 'nnn'],
  'resource.read': ['YYY', 'Ynn', 'Ynn', 'Ynn'],
  'resource.use': ['YYY', 'Ynn', 'Ynn', 'Ynn'],
  'datacenter.read': ['YYY', 'nnn', 'nnn', 'nnn'],
  'datacenter.manage': ['YYY', 'nnn', 'nnn', 'nnn'],
  'compute.admin': ['YYY', 'nnn', 'nnn', 'nnn'],
  'notification.manage': ['YYY', 'Ynn', 'Ynn', 'nnn'],
};

const assignments: Record<BuiltInRoleId, Pick<Grant, 'scope' | 'departmentId' | 'projectId'>> = {
  super_admin: { scope: 'platform', departmentId: null, projectId: null },
  department_admin: { scope: 'department', departmentId: 'dep-a', projectId: null },
  project_admin: { scope: 'project', departmentId: 'dep-a', projectId: 'prj-a' },
  member: { scope: 'project', departmentId: 'dep-a', projectId: 'prj-a' },
};

const grantOf = (roleId: BuiltInRoleId): Grant => {
  const role = builtInRoles[roleId];
  return {
    roleId,
    ...assignments[roleId],
    permissions: role.permissions,
    menus: role.menus,
  };
};

const principalWith = (...grants: Grant[]): Principal => ({
  userId: 'usr-1',
  username: 'alice',
  departmentId: 'dep-a',
  grants,
});

const customGrant = (
  scope: Scope,
  where: { departmentId?: string; projectId?: string },
  grantPermissions: Permission[],
  menus: Grant['menus'] = [],
): Grant => ({
  roleId: `custom-${scope}`,
  scope,
  departmentId: where.departmentId ?? null,
  projectId: where.projectId ?? null,
  permissions: grantPermissions,
  menus,
});

const thrown = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
};

describe('permission matrix', () => {
  test('lists every permission exactly once', () => {
    expect(Object.keys(matrix).sort()).toEqual([...permissions].sort());
  });

  const targetNames: TargetName[] = ['own', 'otherDepartment', 'platform'];
  const cases = permissions.flatMap((permission) =>
    roleColumns.flatMap((role) =>
      targetNames.map((target, i) => ({
        role,
        permission,
        target,
        expected: matrix[permission][roleColumns.indexOf(role)]?.[i] === 'Y',
      })),
    ),
  );

  test.each(cases)('$role $permission on $target → $expected', (c) => {
    expect(can(principalWith(grantOf(c.role)), c.permission, targets[c.target])).toBe(c.expected);
  });
});

describe('grant coverage', () => {
  test('a department grant covers the department itself and every project in it', () => {
    const admin = principalWith(grantOf('department_admin'));
    expect(can(admin, 'department.update', { departmentId: 'dep-a', projectId: null })).toBe(true);
    expect(can(admin, 'project.update', { departmentId: 'dep-a', projectId: 'prj-a2' })).toBe(true);
    expect(can(admin, 'department.update', { departmentId: 'dep-b', projectId: null })).toBe(false);
  });

  test('a project grant covers neither its department nor a sibling project', () => {
    const admin = principalWith(grantOf('project_admin'));
    expect(can(admin, 'project.read', { departmentId: 'dep-a', projectId: null })).toBe(false);
    expect(can(admin, 'project.read', { departmentId: 'dep-a', projectId: 'prj-a2' })).toBe(false);
  });

  test('a principal without grants can do nothing', () => {
    expect(can(principalWith(), 'project.read', targets.own)).toBe(false);
  });

  test('isPlatformAdmin only for a platform-scope grant', () => {
    expect(isPlatformAdmin(principalWith(grantOf('super_admin')))).toBe(true);
    expect(isPlatformAdmin(principalWith(grantOf('department_admin'), grantOf('member')))).toBe(
      false,
    );
  });

  test('hasAnyGrantOf ignores scope', () => {
    const member = principalWith(grantOf('member'));
    expect(hasAnyGrantOf(member, 'resource.use')).toBe(true);
    expect(hasAnyGrantOf(member, 'project.update')).toBe(false);
  });
});

describe('assertCan', () => {
  const member = principalWith(grantOf('member'));

  test('passes when the principal holds the permission', () => {
    expect(() =>
      assertCan(member, 'resource.use', targets.own, 'resource.read', 'server'),
    ).not.toThrow();
  });

  test('NOT_FOUND when the principal cannot even read the object', () => {
    const error = thrown(() =>
      assertCan(member, 'resource.use', targets.otherDepartment, 'resource.read', 'server'),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toEqual({ reason: 'not_found', params: { entity: 'server' } });
  });

  test('NOT_FOUND for a department admin looking into another department', () => {
    const admin = principalWith(grantOf('department_admin'));
    const error = thrown(() =>
      assertCan(admin, 'project.delete', targets.otherDepartment, 'project.read', 'project'),
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  test('FORBIDDEN when the principal can read but not act', () => {
    const error = thrown(() =>
      assertCan(member, 'project.update', targets.own, 'project.read', 'project'),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.details).toEqual({
      reason: 'forbidden',
      params: { permission: 'project.update' },
    });
  });

  test('assertHas answers FORBIDDEN, never NOT_FOUND', () => {
    const admin = principalWith(grantOf('department_admin'));
    expect(() => assertHas(admin, 'project.create', targets.own)).not.toThrow();
    expect(thrown(() => assertHas(admin, 'department.create', platformTarget)).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('reachOf / menusOf / permissionsOf with several grants', () => {
  const principal = principalWith(
    customGrant(
      'department',
      { departmentId: 'dep-c' },
      ['project.read', 'project.create'],
      ['overview', 'admin.projects'],
    ),
    customGrant(
      'project',
      { departmentId: 'dep-a', projectId: 'prj-a' },
      ['project.read', 'resource.use'],
      ['overview', 'compute'],
    ),
    customGrant(
      'project',
      { departmentId: 'dep-b', projectId: 'prj-b' },
      ['resource.use', 'resource.read'],
      ['compute', 'storage'],
    ),
    customGrant('project', { departmentId: 'dep-a', projectId: 'prj-a' }, ['resource.use']),
  );

  test('reachOf collects departments and projects of the grants holding the permission', () => {
    expect(reachOf(principal, 'project.read')).toEqual({
      all: false,
      departmentIds: ['dep-c'],
      projectIds: ['prj-a'],
    });
    expect(reachOf(principal, 'resource.use')).toEqual({
      all: false,
      departmentIds: [],
      projectIds: ['prj-a', 'prj-b'],
    });
    expect(reachOf(principal, 'project.create')).toEqual({
      all: false,
      departmentIds: ['dep-c'],
      projectIds: [],
    });
  });

  test('reachOf is empty for a permission no grant holds', () => {
    expect(reachOf(principal, 'user.delete')).toEqual({
      all: false,
      departmentIds: [],
      projectIds: [],
    });
  });

  test('reachOf is everything once a platform grant holds the permission', () => {
    const withPlatform = principalWith(
      ...principal.grants,
      customGrant('platform', {}, ['audit.read']),
    );
    expect(reachOf(withPlatform, 'audit.read')).toEqual({ all: true });
    expect(reachOf(withPlatform, 'resource.use')).toMatchObject({ all: false });
  });

  test('menusOf is the union of all grants, without duplicates', () => {
    expect(menusOf(principal).sort()).toEqual(
      ['admin.projects', 'compute', 'overview', 'storage'].sort(),
    );
    expect(menusOf(principalWith())).toEqual([]);
  });

  test('permissionsOf is the union of all grants, without duplicates', () => {
    expect(permissionsOf(principal).sort()).toEqual(
      ['project.create', 'project.read', 'resource.read', 'resource.use'].sort(),
    );
    expect(permissionsOf(principalWith())).toEqual([]);
  });
});
