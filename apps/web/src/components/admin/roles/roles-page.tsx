'use client';

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@yunguan/contract';
import { deleteRole, listRoles } from '@yunguan/contract';
import { App, Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { RoleFormDrawer } from './role-form-drawer';
import { roleLabel } from '@/lib/role-label';

export function RolesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [drawer, setDrawer] = useState<{ open: boolean; editing: Role | null }>({
    open: false,
    editing: null,
  });
  const canCreate = useCan('role.create');
  const canUpdate = useCan('role.update');
  const canDelete = useCan('role.delete');

  // The role list is short and unpaged; search and paging happen here.
  const query = useQuery(queryOptionsFor(listRoles, {}));
  const needle = q.trim().toLowerCase();
  const rows = (query.data?.items ?? []).filter(
    (r) => !needle || r.name.toLowerCase().includes(needle) || r.id.toLowerCase().includes(needle),
  );

  const remove = useMutation({
    mutationFn: (id: string) => callContract(deleteRole, { params: { id } }),
    onSuccess: async () => {
      void message.success(t('common.deleted'));
      await queryClient.invalidateQueries({ queryKey: [listRoles.id] });
    },
    onError: (error) => void message.error(error.message),
  });

  const columns: TableColumnsType<Role> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name),
      render: (_: unknown, r) => roleLabel(t, r.id, r.name),
    },
    {
      title: t('roles.type'),
      dataIndex: 'builtIn',
      render: (builtIn: boolean) =>
        builtIn ? <Tag color="gold">{t('roles.builtIn')}</Tag> : <Tag>{t('roles.custom')}</Tag>,
      filters: [
        { text: t('roles.builtIn'), value: true },
        { text: t('roles.custom'), value: false },
      ],
      onFilter: (value, row) => row.builtIn === value,
      width: 110,
    },
    {
      title: t('role.scope'),
      dataIndex: 'scopes',
      render: (scopes: Role['scopes']) =>
        scopes.map((s) => <Tag key={s}>{t(`role.scope.${s}`)}</Tag>),
    },
    {
      title: t('roles.permissions'),
      dataIndex: 'permissions',
      render: (p: Role['permissions']) => t('roles.permissionCount', { count: p.length }),
      sorter: (a, b) => a.permissions.length - b.permissions.length,
    },
    { title: t('common.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('roles.assignmentCount'),
      dataIndex: 'assignmentCount',
      sorter: (a, b) => a.assignmentCount - b.assignmentCount,
      width: 110,
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v, lang),
      width: 180,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, row) => (
        <Space size="small">
          <Button
            type="link"
            size="small"
            onClick={() => setDrawer({ open: true, editing: row })}
            data-testid={`role-open-${row.id}`}
          >
            {row.builtIn || !canUpdate ? t('common.view') : t('common.edit')}
          </Button>
          {!row.builtIn && canDelete && (
            <Popconfirm
              title={t('common.confirmDelete', { name: row.name })}
              onConfirm={() => remove.mutate(row.id)}
              okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
            >
              <Button type="link" size="small" danger data-testid={`role-delete-${row.id}`}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        extra={
          <>
            <Input.Search
              allowClear
              placeholder={t('common.searchPlaceholder')}
              onSearch={setQ}
              onChange={(e) => !e.target.value && setQ('')}
              style={{ width: 240 }}
              data-testid="role-search"
            />
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDrawer({ open: true, editing: null })}
                data-testid="role-create"
              >
                {t('roles.create')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={query.error} />
      <Table<Role>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={query.isFetching}
        onRow={rowTestId('role', (r) => r.name)}
        pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        data-testid="role-table"
      />
      <RoleFormDrawer
        open={drawer.open}
        editing={drawer.editing}
        onClose={() => setDrawer({ open: false, editing: drawer.editing })}
      />
    </>
  );
}
