'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Project } from '@yunguan/contract';
import { deleteProject, getMe, listProjects } from '@yunguan/contract';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { DepartmentSelect } from '@/components/admin/department-select';
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
import { ProjectFormModal } from './project-form-modal';

export function ProjectsPage() {
  const { t, lang } = useI18n();
  const list = useListState();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const modal = useDialog<Project>();
  const canCreate = useCan('project.create');
  const canUpdate = useCan('project.update');
  const canDelete = useCan('project.delete');

  const query = useQuery({
    ...queryOptionsFor(listProjects, {
      query: { page: list.page, pageSize: list.pageSize, q: list.q || undefined, departmentId },
    }),
    placeholderData: keepPreviousData,
  });

  const remove = useRemoveMutation((id) => callContract(deleteProject, { params: { id } }), {
    stale: [listProjects, getMe],
    successText: t('common.deleted'),
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
        <EditDeleteActions
          name={row.name}
          onEdit={canUpdate ? () => modal.show(row) : undefined}
          onDelete={canDelete ? () => remove.mutate(row.id) : undefined}
          editTestId={`project-edit-${row.name}`}
          deleteTestId={`project-delete-${row.name}`}
        />
      ),
    });
  }

  return (
    <AdminListPage<Project>
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
          <SearchBox onSearch={list.search} data-testid="project-search" />
          {canCreate && (
            <CreateButton onClick={() => modal.show()} data-testid="project-create">
              {t('projects.create')}
            </CreateButton>
          )}
        </>
      }
      error={query.error}
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isFetching}
      onRow={rowTestId('project', (r) => r.name)}
      pagination={list.pagination(query.data?.total)}
      data-testid="project-table"
    >
      <ProjectFormModal
        open={modal.open}
        editing={modal.editing}
        defaultDepartmentId={departmentId}
        onClose={modal.close}
      />
    </AdminListPage>
  );
}
