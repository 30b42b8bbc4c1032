'use client';

import { useQuery } from '@tanstack/react-query';
import type { Role } from '@yunguan/contract';
import { deleteRole, listRoles } from '@yunguan/contract';
import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { AdminListPage } from '@/components/common/admin-list-page';
import { CreateButton, SearchBox } from '@/components/common/list-toolbar';
import { EditDeleteActions } from '@/components/common/row-actions';
import { rowTestId } from '@/components/common/row-props';
import { useRemoveMutation } from '@/components/common/use-contract-mutation';
import { useDialog } from '@/components/common/use-dialog';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { RoleFormDrawer } from './role-form-drawer';
import { roleLabel } from '@/lib/role-label';

export function RolesPage() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const drawer = useDialog<Role>();
  const canCreate = useCan('role.create');
  const canUpdate = useCan('role.update');
  const canDelete = useCan('role.delete');

  // The role list is short and unpaged; search and paging happen here.
  const query = useQuery(queryOptionsFor(listRoles, {}));
  const needle = q.trim().toLowerCase();
  const rows = (query.data?.items ?? []).filter(
    (r) => !needle || r.name.toLowerCase().includes(needle) || r.id.toLowerCase().includes(needle),
  );

  const remove = useRemoveMutation((id) => callContract(deleteRole, { params: { id } }), {
    stale: [listRoles],
    successText: t('common.deleted'),
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
        <EditDeleteActions
          name={row.name}
          onEdit={() => drawer.show(row)}
          editLabel={row.builtIn || !canUpdate ? t('common.view') : t('common.edit')}
          onDelete={!row.builtIn && canDelete ? () => remove.mutate(row.id) : undefined}
          editTestId={`role-open-${row.id}`}
          deleteTestId={`role-delete-${row.id}`}
        />
      ),
    },
  ];

  return (
    <AdminListPage<Role>
      title={t('roles.title')}
      extra={
        <>
          <SearchBox
            onSearch={setQ}
            onChange={(e) => !e.target.value && setQ('')}
            data-testid="role-search"
          />
          {canCreate && (
            <CreateButton onClick={() => drawer.show()} data-testid="role-create">
              {t('roles.create')}
            </CreateButton>
          )}
        </>
      }
      error={query.error}
      columns={columns}
      dataSource={rows}
      loading={query.isFetching}
      onRow={rowTestId('role', (r) => r.name)}
      pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
      data-testid="role-table"
    >
      <RoleFormDrawer open={drawer.open} editing={drawer.editing} onClose={drawer.close} />
    </AdminListPage>
  );
}
