'use client';

import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  ControlOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  HddOutlined,
  NodeIndexOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { useMe } from '@/lib/me-context';
import { menuEntries, menuForPath, menuGroups, type MenuEntryKey } from '@/lib/menus';

const icons: Partial<Record<MenuEntryKey, ReactNode>> = {
  overview: <DashboardOutlined />,
  compute: <CloudServerOutlined />,
  storage: <DatabaseOutlined />,
  network: <NodeIndexOutlined />,
  tasks: <UnorderedListOutlined />,
  'admin.departments': <BankOutlined />,
  'admin.projects': <ProjectOutlined />,
  'admin.users': <TeamOutlined />,
  'admin.roles': <SafetyCertificateOutlined />,
  'admin.quotas': <AppstoreOutlined />,
  'admin.audit': <AuditOutlined />,
  'admin.datacenters': <ClusterOutlined />,
  'admin.compute': <ControlOutlined />,
  'admin.storage': <HddOutlined />,
};

/** Sidebar: only the modules listed in GET /api/v1/me `.menus`, grouped. */
export function SideMenu() {
  const { t } = useI18n();
  const me = useMe();
  const pathname = usePathname();
  const visible = menuEntries.filter((entry) => me.menus.includes(entry.shownWith));

  const items: MenuProps['items'] = menuGroups
    .map((group) => ({
      type: 'group' as const,
      key: `group-${group}`,
      label: t(`menu.group.${group}`),
      children: visible
        .filter((entry) => entry.group === group)
        .map((entry) => ({
          key: entry.path,
          icon: icons[entry.key],
          label: (
            <Link href={entry.path} data-testid={`menu-${entry.key}`}>
              {t(`menu.${entry.key}`)}
            </Link>
          ),
        })),
    }))
    .filter((group) => group.children.length > 0);

  const selected = menuForPath(pathname);
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected.path] : []}
      data-testid="side-menu"
    />
  );
}
