'use client';

import { CloudOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getMe } from '@yunguan/contract';
import { Button, Flex, Layout, Result, Spin, theme } from 'antd';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { isApiError } from '@/lib/api-error';
import { CurrentProjectProvider } from '@/lib/current-project';
import { MeContext } from '@/lib/me-context';
import { menuForPath } from '@/lib/menus';
import { LanguageSwitch, ThemeSwitch } from './preference-switches';
import { ProjectSwitcher } from './project-switcher';
import { SideMenu } from './side-menu';
import { UserMenu } from './user-menu';

/** Console frame: loads the caller (GET /api/v1/me), then sidebar + top bar + page. */
export function ConsoleShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const pathname = usePathname();
  const [collapsed, setCollapsed] = useState(false);
  const me = useQuery(queryOptionsFor(getMe, {}));

  if (me.isPending || (me.isError && isApiError(me.error) && me.error.status === 401)) {
    // 401 is redirected to /login by the query client.
    return <Spin fullscreen />;
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('shell.loadFailed')}
        subTitle={<ErrorAlert error={me.error} />}
        extra={<Button onClick={() => void me.refetch()}>{t('shell.retry')}</Button>}
      />
    );
  }

  const entry = menuForPath(pathname);
  const allowed = !entry || me.data.menus.includes(entry.shownWith);

  return (
    <MeContext.Provider value={me.data}>
      <CurrentProjectProvider>
        <Layout style={{ minHeight: '100vh' }}>
          {/* Sticky and scrollable, with room above the collapse trigger (fixed at the bottom),
              so the active item is never hidden under it or below the fold. */}
          <Layout.Sider
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            width={220}
            style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}
          >
            <Flex
              align="center"
              justify="center"
              gap={8}
              style={{ height: 56, color: '#fff', fontSize: 18, fontWeight: 600 }}
            >
              <CloudOutlined />
              {!collapsed && t('app.name')}
            </Flex>
            <div style={{ paddingBottom: 56 }}>
              <SideMenu />
            </div>
          </Layout.Sider>
          <Layout>
            <Layout.Header
              style={{
                background: token.colorBgContainer,
                padding: '0 20px',
                borderBottom: `1px solid ${token.colorBorderSecondary}`,
              }}
            >
              <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={12}>
                <ProjectSwitcher />
                <Flex align="center" gap={16}>
                  <LanguageSwitch />
                  <ThemeSwitch />
                  <UserMenu />
                </Flex>
              </Flex>
            </Layout.Header>
            <Layout.Content style={{ padding: 20 }}>
              {allowed ? (
                children
              ) : (
                <Result status="403" title="403" subTitle={t('shell.noAccess')} />
              )}
            </Layout.Content>
          </Layout>
        </Layout>
      </CurrentProjectProvider>
    </MeContext.Provider>
  );
}
