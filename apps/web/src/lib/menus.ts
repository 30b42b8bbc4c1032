import type { MenuKey } from '@yunguan/domain';

export type MenuGroup = 'resources' | 'operations' | 'admin';

export type MenuEntry = { key: MenuKey; path: string; group: MenuGroup; built: boolean };

/** Console modules in sidebar order; `built: false` ones show a "later milestone" page. */
export const menuEntries: readonly MenuEntry[] = [
  { key: 'overview', path: '/console/overview', group: 'resources', built: true },
  { key: 'compute', path: '/console/compute', group: 'resources', built: true },
  { key: 'storage', path: '/console/storage', group: 'resources', built: true },
  { key: 'network', path: '/console/network', group: 'resources', built: true },
  { key: 'work-orders', path: '/console/work-orders', group: 'operations', built: false },
  { key: 'billing', path: '/console/billing', group: 'operations', built: false },
  { key: 'monitoring', path: '/console/monitoring', group: 'operations', built: false },
  { key: 'admin.departments', path: '/console/admin/departments', group: 'admin', built: true },
  { key: 'admin.projects', path: '/console/admin/projects', group: 'admin', built: true },
  { key: 'admin.users', path: '/console/admin/users', group: 'admin', built: true },
  { key: 'admin.roles', path: '/console/admin/roles', group: 'admin', built: true },
  { key: 'admin.quotas', path: '/console/admin/quotas', group: 'admin', built: true },
  { key: 'admin.audit', path: '/console/admin/audit', group: 'admin', built: true },
  { key: 'admin.datacenters', path: '/console/admin/datacenters', group: 'admin', built: true },
  { key: 'admin.compute', path: '/console/admin/compute', group: 'admin', built: true },
  { key: 'admin.storage', path: '/console/admin/storage', group: 'admin', built: true },
];

export const menuGroups: readonly MenuGroup[] = ['resources', 'operations', 'admin'];

/** The entry whose path is the longest prefix of `pathname`. */
export const menuForPath = (pathname: string): MenuEntry | undefined =>
  menuEntries
    .filter((m) => pathname === m.path || pathname.startsWith(`${m.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
