'use client';

import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Project } from '@yunguan/contract';
import { deleteProject, getMe, listProjects } from '@yunguan/contract';
import { App, Button, Input, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { DepartmentSelect } from '@/components/admin/department-select';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useListState } from '@/components/common/use-list-state';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { ProjectFormModal } from './project-form-modal';

export function ProjectsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useListState();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [modal, setModal] = useState<{ open: boolean; editing: Project | null }>({
    open: false,
    editing: null,
  });
  const canCreate = useCan('project.create');
  const canUpdate = useCan('project.update');
  const canDelete = useCan('project.delete');

  const query = useQuery({
    ...queryOptionsFor(listProjects, {
      query: { page: list.page, pageSize: list.pageSize, q: list.q || undefined, departmentId },
    }),
    placeholderData: keepPreviousData,
  });

  const remove = useMutation({
    mutationFn: (id: string) => callContract(deleteProject, { params: { id } }),
    onSuccess: async () => {
      void message.success(t('common.deleted'));
      await queryClient.invalidateQueries({ queryKey: [listProjects.id] });
      await queryClient.invalidateQueries({ queryKey: [getMe.id] });
    },
    onError: (error) => void message.error(error.message),
  });

  const columns: TableColumnsType<Project> = [
    { title: t('common.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
    {
      title: t('common.department'),
      dataIndex: 'departmentName',
      sorter: (a, b) => a.departmentName.localeCompare(b.departmentName),
    },
    { title: t('common.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('projects.memberCount'),
      dataIndex: 'memberCount',
      sorter: (a, b) => a.memberCount - b.memberCount,
      width: 100,
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
              data-testid={`project-edit-${row.name}`}
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
              <Button type="link" size="small" danger data-testid={`project-delete-${row.name}`}>
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
        title={t('projects.title')}
        extra={
          <>
            <DepartmentSelect
              allowClear
              placeholder={t('projects.filterDepartment')}
              value={departmentId}
              onChange={(id) => {
                setDepartmentId(id);
                list.setPage(1);
              }}
              style={{ width: 200 }}
              data-testid="project-filter-department"
            />
            <Input.Search
              allowClear
              placeholder={t('common.searchPlaceholder')}
              onSearch={list.search}
              style={{ width: 240 }}
              data-testid="project-search"
            />
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setModal({ open: true, editing: null })}
                data-testid="project-create"
              >
                {t('projects.create')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={query.error} />
      <Table<Project>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        onRow={rowTestId('project', (r) => r.name)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: list.onPageChange,
        }}
        data-testid="project-table"
      />
      <ProjectFormModal
        open={modal.open}
        editing={modal.editing}
        defaultDepartmentId={departmentId}
        onClose={() => setModal({ open: false, editing: modal.editing })}
      />
    </>
  );
}
