'use client';

import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { User } from '@yunguan/contract';
import { listUsers } from '@yunguan/contract';
import { Button, Input, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { DepartmentSelect } from '@/components/admin/department-select';
import { ProjectSelect } from '@/components/admin/project-select';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
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
  const [drawer, setDrawer] = useState<{ open: boolean; editing: User | null }>({
    open: false,
    editing: null,
  });
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
      render: (_, user) => (
        <UserRowActions user={user} onEdit={() => setDrawer({ open: true, editing: user })} />
      ),
    },
  ];

  return (
    <>
      <PageHeader
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
            <Input.Search
              allowClear
              placeholder={t('common.searchPlaceholder')}
              onSearch={list.search}
              style={{ width: 220 }}
              data-testid="user-search"
            />
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDrawer({ open: true, editing: null })}
                data-testid="user-create"
              >
                {t('users.create')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={query.error} />
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        onRow={rowTestId('user', (u) => u.username)}
        scroll={{ x: 1100 }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: list.onPageChange,
        }}
        data-testid="user-table"
      />
      <UserFormDrawer
        open={drawer.open}
        editing={drawer.editing}
        onClose={() => setDrawer({ open: false, editing: drawer.editing })}
      />
    </>
  );
}
