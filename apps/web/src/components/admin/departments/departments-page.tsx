'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Department } from '@yunguan/contract';
import { deleteDepartment, listDepartments } from '@yunguan/contract';
import type { TableColumnsType } from 'antd';
import { AdminListPage } from '@/components/common/admin-list-page';
import { CreateButton, SearchBox } from '@/components/common/list-toolbar';
import { EditDeleteActions } from '@/components/common/row-actions';
import { rowTestId } from '@/components/common/row-props';
import { useRemoveMutation } from '@/components/common/use-contract-mutation';
import { useDialog } from '@/components/common/use-dialog';
import { useListState } from '@/components/common/use-list-state';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { DepartmentFormModal } from './department-form-modal';

export function DepartmentsPage() {
  const { t, lang } = useI18n();
  const list = useListState();
  const modal = useDialog<Department>();
  const canCreate = useCan('department.create');
  const canUpdate = useCan('department.update');
  const canDelete = useCan('department.delete');

  const query = useQuery({
    ...queryOptionsFor(listDepartments, {
      query: { page: list.page, pageSize: list.pageSize, q: list.q || undefined },
    }),
    placeholderData: keepPreviousData,
  });

  const remove = useRemoveMutation((id) => callContract(deleteDepartment, { params: { id } }), {
    stale: [listDepartments],
    successText: t('common.deleted'),
  });

  const columns: TableColumnsType<Department> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name),
    },
    { title: t('common.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('departments.projectCount'),
      dataIndex: 'projectCount',
      sorter: (a, b) => a.projectCount - b.projectCount,
      width: 110,
    },
    {
      title: t('departments.userCount'),
      dataIndex: 'userCount',
      sorter: (a, b) => a.userCount - b.userCount,
      width: 110,
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v, lang),
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      width: 190,
    },
  ];
  if (canUpdate || canDelete) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, row) => (
        <EditDeleteActions
          name={row.name}
          onEdit={canUpdate ? () => modal.show(row) : undefined}
          onDelete={canDelete ? () => remove.mutate(row.id) : undefined}
          editTestId={`department-edit-${row.name}`}
          deleteTestId={`department-delete-${row.name}`}
        />
      ),
    });
  }

  return (
    <AdminListPage<Department>
      title={t('departments.title')}
      extra={
        <>
          <SearchBox onSearch={list.search} data-testid="department-search" />
          {canCreate && (
            <CreateButton onClick={() => modal.show()} data-testid="department-create">
              {t('departments.create')}
            </CreateButton>
          )}
        </>
      }
      error={query.error}
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isFetching}
      onRow={rowTestId('department', (r) => r.name)}
      pagination={list.pagination(query.data?.total)}
      data-testid="department-table"
    >
      <DepartmentFormModal open={modal.open} editing={modal.editing} onClose={modal.close} />
    </AdminListPage>
  );
}
