'use client';

import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Department } from '@yunguan/contract';
import { deleteDepartment, listDepartments } from '@yunguan/contract';
import { App, Button, Input, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useListState } from '@/components/common/use-list-state';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { DepartmentFormModal } from './department-form-modal';

export function DepartmentsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useListState();
  const [modal, setModal] = useState<{ open: boolean; editing: Department | null }>({
    open: false,
    editing: null,
  });
  const canCreate = useCan('department.create');
  const canUpdate = useCan('department.update');
  const canDelete = useCan('department.delete');

  const query = useQuery({
    ...queryOptionsFor(listDepartments, {
      query: { page: list.page, pageSize: list.pageSize, q: list.q || undefined },
    }),
    placeholderData: keepPreviousData,
  });

  const remove = useMutation({
    mutationFn: (id: string) => callContract(deleteDepartment, { params: { id } }),
    onSuccess: async () => {
      void message.success(t('common.deleted'));
      await queryClient.invalidateQueries({ queryKey: [listDepartments.id] });
    },
    onError: (error) => void message.error(error.message),
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
        <Space size="small">
          {canUpdate && (
            <Button
              type="link"
              size="small"
              onClick={() => setModal({ open: true, editing: row })}
              data-testid={`department-edit-${row.name}`}
            >
              {t('common.edit')}
            </Button>
          )}
          {canDelete && (
            <Popconfirm
              title={t('common.confirmDelete', { name: row.name })}
              onConfirm={() => remove.mutate(row.id)}
              okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
            >
              <Button type="link" size="small" danger data-testid={`department-delete-${row.name}`}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        extra={
          <>
            <Input.Search
              allowClear
              placeholder={t('common.searchPlaceholder')}
              onSearch={list.search}
              style={{ width: 240 }}
              data-testid="department-search"
            />
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setModal({ open: true, editing: null })}
                data-testid="department-create"
              >
                {t('departments.create')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={query.error} />
      <Table<Department>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        onRow={rowTestId('department', (r) => r.name)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: list.onPageChange,
        }}
        data-testid="department-table"
      />
      <DepartmentFormModal
        open={modal.open}
        editing={modal.editing}
        onClose={() => setModal({ open: false, editing: modal.editing })}
      />
    </>
  );
}
