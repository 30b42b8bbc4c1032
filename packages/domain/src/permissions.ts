/** Every permission the platform knows. Custom roles pick from `scopedPermissions`. */
export const permissions = [
  'department.read',
  'department.create',
  'department.update',
  'department.delete',
  'project.read',
  'project.create',
  'project.update',
  'project.delete',
  'project.members',
  'user.read',
  'user.create',
  'user.update',
  'user.delete',
  'role.read',
  'role.create',
  'role.update',
  'role.delete',
  'quota.read',
  'quota.update.department',
  'quota.update.project',
  'audit.read',
  'resource.read',
  'resource.use',
  'datacenter.read',
  'datacenter.manage',
  'compute.admin',
  /** Manage notification channels and read the delivery log (platform: also templates). */
  'notification.manage',
] as const;
export type Permission = (typeof permissions)[number];

/** Permissions that only make sense platform-wide; never part of a department/project grant. */
export const platformOnlyPermissions: readonly Permission[] = [
  'department.create',
  'department.delete',
  'role.create',
  'role.update',
  'role.delete',
  'quota.update.department',
  'datacenter.read',
  'datacenter.manage',
  'compute.admin',
];

export const scopedPermissions: readonly Permission[] = permissions.filter(
  (p) => !platformOnlyPermissions.includes(p),
);

/** Console menu modules. A user sees a module when a role of theirs lists it. */
export const menuKeys = [
  'overview',
  'compute',
  'storage',
  'network',
  'work-orders',
  'billing',
  'monitoring',
  'admin.departments',
  'admin.projects',
  'admin.users',
  'admin.roles',
  'admin.quotas',
  'admin.audit',
  'admin.datacenters',
  'admin.compute',
  'admin.storage',
] as const;
export type MenuKey = (typeof menuKeys)[number];

export const builtInRoleIds = [
  'super_admin',
  'department_admin',
  'project_admin',
  'member',
] as const;
export type BuiltInRoleId = (typeof builtInRoleIds)[number];

export type Scope = 'platform' | 'department' | 'project';

export type RoleDefinition = {
  id: string;
  name: string;
  builtIn: boolean;
  /** Scopes a role may be assigned at. */
  scopes: readonly Scope[];
  permissions: readonly Permission[];
  menus: readonly MenuKey[];
};

const resourceMenus: MenuKey[] = ['overview', 'compute', 'storage', 'network', 'work-orders'];

export const builtInRoles: Record<BuiltInRoleId, RoleDefinition> = {
  super_admin: {
    id: 'super_admin',
    name: 'Super admin',
    builtIn: true,
    scopes: ['platform'],
    permissions: [...permissions],
    menus: [...menuKeys],
  },
  department_admin: {
    id: 'department_admin',
    name: 'Department admin',
    builtIn: true,
    scopes: ['department'],
    permissions: [
      'department.read',
      'department.update',
      'project.read',
      'project.create',
      'project.update',
      'project.delete',
      'project.members',
      'user.read',
      'user.create',
      'user.update',
      'user.delete',
      'role.read',
      'quota.read',
      'quota.update.project',
      'audit.read',
      'resource.read',
      'resource.use',
      'notification.manage',
    ],
    menus: [
      ...resourceMenus,
      'billing',
      'monitoring',
      'admin.departments',
      'admin.projects',
      'admin.users',
      'admin.quotas',
      'admin.audit',
    ],
  },
  project_admin: {
    id: 'project_admin',
    name: 'Project admin',
    builtIn: true,
    scopes: ['project'],
    permissions: [
      'project.read',
      'project.update',
      'project.members',
      'user.read',
      'role.read',
      'quota.read',
      'audit.read',
      'resource.read',
      'resource.use',
      'notification.manage',
    ],
    menus: [...resourceMenus, 'monitoring', 'admin.users', 'admin.quotas', 'admin.audit'],
  },
  member: {
    id: 'member',
    name: 'Member',
    builtIn: true,
    scopes: ['project'],
    permissions: ['project.read', 'quota.read', 'resource.read', 'resource.use'],
    menus: resourceMenus,
  },
};

export const isBuiltInRoleId = (id: string): id is BuiltInRoleId =>
  (builtInRoleIds as readonly string[]).includes(id);
