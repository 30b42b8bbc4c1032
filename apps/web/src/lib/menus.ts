import type { MenuKey } from '@yunguan/domain';

export type MenuGroup = 'resources' | 'operations' | 'admin';

/** `tasks` (任务中心) is a web page over the task list everyone with 概览 may read. */
export type MenuEntryKey = MenuKey | 'tasks' | 'notifications';

export type MenuEntry = {
  key: MenuEntryKey;
  path: string;
  group: MenuGroup;
  /** Shown when GET /api/v1/me `.menus` holds this key. */
  shownWith: MenuKey;
};

/**
 * Console modules in sidebar order: only what exists. Work orders and billing keep
 * their menu keys (custom roles store them) but get an entry once they are built.
 */
export const menuEntries: readonly MenuEntry[] = [
  { key: 'overview', path: '/console/overview', group: 'resources', shownWith: 'overview' },
  { key: 'compute', path: '/console/compute', group: 'resources', shownWith: 'compute' },
  { key: 'storage', path: '/console/storage', group: 'resources', shownWith: 'storage' },
  { key: 'network', path: '/console/network', group: 'resources', shownWith: 'network' },
  { key: 'tasks', path: '/console/tasks', group: 'operations', shownWith: 'overview' },
  /** 通知: channels, templates and the delivery log, for whoever sees monitoring (M2.1). */
  {
    key: 'notifications',
    path: '/console/notifications',
    group: 'operations',
    shownWith: 'monitoring',
  },
  {
    key: 'monitoring',
    path: '/console/monitoring',
    group: 'operations',
    shownWith: 'monitoring',
  },
  {
    key: 'admin.departments',
    path: '/console/admin/departments',
    group: 'admin',
    shownWith: 'admin.departments',
  },
  {
    key: 'admin.projects',
    path: '/console/admin/projects',
    group: 'admin',
    shownWith: 'admin.projects',
  },
  { key: 'admin.users', path: '/console/admin/users', group: 'admin', shownWith: 'admin.users' },
  { key: 'admin.roles', path: '/console/admin/roles', group: 'admin', shownWith: 'admin.roles' },
  { key: 'admin.quotas', path: '/console/admin/quotas', group: 'admin', shownWith: 'admin.quotas' },
  { key: 'admin.audit', path: '/console/admin/audit', group: 'admin', shownWith: 'admin.audit' },
  {
    key: 'admin.datacenters',
    path: '/console/admin/datacenters',
    group: 'admin',
    shownWith: 'admin.datacenters',
  },
  {
    key: 'admin.compute',
    path: '/console/admin/compute',
    group: 'admin',
    shownWith: 'admin.compute',
  },
  {
    key: 'admin.storage',
    path: '/console/admin/storage',
    group: 'admin',
    shownWith: 'admin.storage',
  },
];

export const menuGroups: readonly MenuGroup[] = ['resources', 'operations', 'admin'];

/** The entry whose path is the longest prefix of `pathname`. */
export const menuForPath = (pathname: string): MenuEntry | undefined =>
  menuEntries
    .filter((m) => pathname === m.path || pathname.startsWith(`${m.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
