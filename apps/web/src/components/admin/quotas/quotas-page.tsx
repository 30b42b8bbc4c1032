'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Quota } from '@yunguan/contract';
import { deleteQuota, listQuotas } from '@yunguan/contract';
import { quotaResources } from '@yunguan/domain';
import { App, Button, Empty, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { DepartmentSelect } from '@/components/admin/department-select';
import { ProjectSelect } from '@/components/admin/project-select';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { useCan, useMe } from '@/lib/me-context';
import { QuotaEditModal } from './quota-edit-modal';

type OwnerType = 'department' | 'project';

export function QuotasPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const { projectId: currentProjectId } = useCurrentProject();
  const startWithDepartment = me.isPlatformAdmin || me.departments.length > 0;
  const [ownerType, setOwnerType] = useState<OwnerType>(
    startWithDepartment ? 'department' : 'project',
  );
  const [departmentId, setDepartmentId] = useState(me.departments[0]?.id);
  const [projectId, setProjectId] = useState(currentProjectId);
  const [editing, setEditing] = useState<{ open: boolean; quota: Quota | null }>({
    open: false,
    quota: null,
  });
  const canEditDepartment = useCan('quota.update.department');
  const canEditProject = useCan('quota.update.project');
  const canEdit = ownerType === 'department' ? canEditDepartment : canEditProject;

  const ownerId = ownerType === 'department' ? departmentId : projectId;
  const query = useQuery({
    ...queryOptionsFor(listQuotas, {
      query: ownerType === 'department' ? { departmentId } : { projectId },
    }),
    enabled: !!ownerId,
  });
  const byResource = new Map(
    (query.data?.items ?? [])
      .filter((q) =>
        ownerType === 'department'
          ? q.scope === 'department' && q.departmentId === ownerId
          : q.scope === 'project' && q.projectId === ownerId,
      )
      .map((q) => [q.resource, q]),
  );
  const rows = quotaResources.flatMap((r) => byResource.get(r) ?? []);

  const reset = useMutation({
    mutationFn: (id: string) => callContract(deleteQuota, { params: { id } }),
    onSuccess: async () => {
      void message.success(t('quotas.resetDone'));
      await queryClient.invalidateQueries({ queryKey: [listQuotas.id] });
    },
    onError: (error) => void message.error(error.message),
  });

  const limitText = (n: number) => (n === -1 ? t('quotas.unlimited') : n.toLocaleString());
  const columns: TableColumnsType<Quota> = [
    {
      title: t('quotas.resource'),
      dataIndex: 'resource',
      render: (r: Quota['resource']) => t(`quotas.res.${r}`),
    },
    {
      title: t('quotas.limit'),
      dataIndex: 'limit',
      render: (limit: number, row) => (
        <Space>
          <span data-testid={`quota-limit-${row.resource}`}>{limitText(limit)}</span>
          {row.isDefault ? (
            <Tag>{t('quotas.default')}</Tag>
          ) : (
            <Tag color="blue">{t('quotas.custom')}</Tag>
          )}
        </Space>
      ),
    },
  ];
  if (ownerType === 'department') {
    columns.push({
      title: t('quotas.allocated'),
      dataIndex: 'allocated',
      render: (v: number | null) => (v === null ? '—' : v.toLocaleString()),
    });
  }
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, row) => (
        <Space size="small">
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ open: true, quota: row })}
            data-testid={`quota-edit-${row.resource}`}
          >
            {t('common.edit')}
          </Button>
          {row.id && (
            <Popconfirm
              title={t('quotas.confirmReset', { resource: t(`quotas.res.${row.resource}`) })}
              onConfirm={() => row.id && reset.mutate(row.id)}
              okButtonProps={{ 'data-testid': 'confirm-reset' }}
            >
              <Button type="link" size="small" data-testid={`quota-reset-${row.resource}`}>
                {t('quotas.reset')}
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
        title={t('quotas.title')}
        extra={
          <>
            <Segmented<OwnerType>
              value={ownerType}
              onChange={setOwnerType}
              options={[
                { value: 'department', label: t('common.department') },
                { value: 'project', label: t('common.project') },
              ]}
              data-testid="quota-owner-type"
            />
            {ownerType === 'department' ? (
              <DepartmentSelect
                value={departmentId}
                onChange={setDepartmentId}
                placeholder={t('quotas.pickDepartment')}
                style={{ width: 220 }}
                data-testid="quota-department"
              />
            ) : (
              <ProjectSelect
                value={projectId}
                onChange={setProjectId}
                placeholder={t('quotas.pickProject')}
                style={{ width: 260 }}
                data-testid="quota-project"
              />
            )}
          </>
        }
      />
      <ErrorAlert error={query.error} />
      {ownerId ? (
        <Table<Quota>
          rowKey="resource"
          columns={columns}
          dataSource={rows}
          loading={query.isFetching}
          pagination={false}
          onRow={rowTestId('quota', (q) => q.resource)}
          data-testid="quota-table"
        />
      ) : (
        <Empty description={t('quotas.pickOwner')} />
      )}
      <QuotaEditModal
        open={editing.open}
        quota={editing.quota}
        onClose={() => setEditing({ open: false, quota: editing.quota })}
      />
    </>
  );
}
