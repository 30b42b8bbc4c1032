'use client';

import { LockOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { User } from '@yunguan/contract';
import { listUsers } from '@yunguan/contract';
import { Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { DepartmentSelect } from '@/components/admin/department-select';
import { ProjectSelect } from '@/components/admin/project-select';
import { AdminListPage } from '@/components/common/admin-list-page';
import { CreateButton, SearchBox } from '@/components/common/list-toolbar';
import { rowTestId } from '@/components/common/row-props';
import { useDialog } from '@/components/common/use-dialog';
import { useListState } from '@/components/common/use-list-state';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { UserFormDrawer } from './user-form-drawer';
import { UserRowActions } from './user-row-actions';
import { roleLabel } from '@/lib/role-label';

export function UsersPage() {
  const { t, lang } = useI18n();
  const list = useListState();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [projectId, setProjectId] = useState<string | undefined>();
  const drawer = useDialog<User>();
  const canCreate = useCan('user.create');

  const query = useQuery({
    ...queryOptionsFor(listUsers, {
      query: {
        page: list.page,
        pageSize: list.pageSize,
        q: list.q || undefined,
        departmentId,
        projectId,
      },
    }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      sorter: (a, b) => a.username.localeCompare(b.username),
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('common.department'),
      dataIndex: 'departmentName',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_, user) =>
        user.roles.map((r) => (
          <Tag key={`${r.role}:${r.departmentId ?? ''}:${r.projectId ?? ''}`}>
            {roleLabel(t, r.role, r.roleName)}
            {r.scope === 'project' && r.projectName ? ` @ ${r.projectName}` : ''}
          </Tag>
        )),
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, user) => (
        <>
          {user.status === 'active' ? (
            <Tag color="green">{t('users.status.active')}</Tag>
          ) : (
            <Tag color="default">{t('users.status.disabled')}</Tag>
          )}
          {user.locked && (
            <Tag color="red" icon={<LockOutlined />} data-testid={`user-locked-${user.username}`}>
              {t('users.locked')}
            </Tag>
          )}
          {user.totpEnabled && (
            <Tooltip title={t('overview.totp')}>
              <Tag color="blue">{t('users.totp')}</Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => (v ? formatDateTime(v, lang) : t('users.neverLoggedIn')),
      sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''),
      width: 180,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, user) => <UserRowActions user={user} onEdit={() => drawer.show(user)} />,
    },
  ];

  return (
    <AdminListPage<User>
      title={t('users.title')}
      extra={
        <>
          <DepartmentSelect
            allowClear
            placeholder={t('common.allDepartments')}
            value={departmentId}
            onChange={(id) => {
              setDepartmentId(id);
              setProjectId(undefined);
              list.setPage(1);
            }}
            style={{ width: 180 }}
            data-testid="user-filter-department"
          />
          <ProjectSelect
            allowClear
            departmentId={departmentId}
            placeholder={t('common.project')}
            value={projectId}
            onChange={(id) => {
              setProjectId(id);
              list.setPage(1);
            }}
            style={{ width: 200 }}
            data-testid="user-filter-project"
          />
          <SearchBox width={220} onSearch={list.search} data-testid="user-search" />
          {canCreate && (
            <CreateButton onClick={() => drawer.show()} data-testid="user-create">
              {t('users.create')}
            </CreateButton>
          )}
        </>
      }
      error={query.error}
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isFetching}
      onRow={rowTestId('user', (u) => u.username)}
      scroll={{ x: 1100 }}
      pagination={list.pagination(query.data?.total)}
      data-testid="user-table"
    >
      <UserFormDrawer open={drawer.open} editing={drawer.editing} onClose={drawer.close} />
    </AdminListPage>
  );
}
