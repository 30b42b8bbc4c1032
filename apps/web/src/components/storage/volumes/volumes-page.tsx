'use client';

import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Volume, resourceSorts } from '@yunguan/contract';
import { listTasks, listUsableDatacenters, listVolumes } from '@yunguan/contract';
import { Button, Empty, Select, Table } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { CreateButton, SearchBox } from '@/components/common/list-toolbar';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useListState } from '@/components/common/use-list-state';
import { LiveBadge } from '@/components/compute/live-badge';
import { useI18n } from '@/i18n/i18n-provider';
import { contractUrl, queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { useCan } from '@/lib/me-context';
import { storageStatusLabel, storageStatuses } from '../storage-status-tag';
import { useStorageLive } from '../use-storage-live';
import { CreateVolumeDrawer } from './create-volume-drawer';
import { pendingVolumes } from './pending-volumes';
import type { VolumeDialog } from './volume-action-dialogs';
import { VolumeActionDialog } from './volume-action-dialogs';
import { VolumeActionMenu } from './volume-action-menu';
import { volumeColumns } from './volume-columns';

type Sort = (typeof resourceSorts)[number];

/** The current project's volumes: status and datacenter filters, search, sort, pages, CSV,
 * row actions; statuses and running tasks follow the live event stream without reloading. */
export function VolumesPage() {
  const { t, lang } = useI18n();
  const { projectId } = useCurrentProject();
  const canUse = useCan('resource.use');
  const connected = useStorageLive();
  const list = useListState();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [datacenterId, setDatacenterId] = useState<string | undefined>(undefined);
  const [sort, setSort] = useState<Sort>('-createdAt');
  const [dialog, setDialog] = useState<VolumeDialog | null>(null);
  const [creating, setCreating] = useState(false);

  const filters = { q: list.q || undefined, status, datacenterId, sort };
  const query = useQuery({
    ...queryOptionsFor(listVolumes, {
      params: { projectId: projectId ?? '' },
      query: { ...filters, page: list.page, pageSize: list.pageSize },
    }),
    enabled: projectId !== undefined,
    placeholderData: keepPreviousData,
  });
  const datacenters = useQuery(queryOptionsFor(listUsableDatacenters, {}));
  // Creates not in the mirror yet show as "creating" rows from their tasks.
  const tasks = useQuery({
    ...queryOptionsFor(listTasks, {
      query: { projectId: projectId ?? '', action: 'volume.create', pageSize: 20 },
    }),
    enabled: projectId !== undefined,
  });
  const listed = query.data?.items ?? [];
  const showPending = list.page === 1 && (status === undefined || status === 'creating');
  const pending = showPending
    ? pendingVolumes(tasks.data?.items ?? [], listed).filter(
        (v) =>
          v.name.toLowerCase().includes(list.q.toLowerCase()) &&
          (!datacenterId || v.datacenterId === datacenterId),
      )
    : [];

  const dcName = (id: string) => datacenters.data?.items.find((d) => d.id === id)?.name ?? id;
  const columns = volumeColumns(t, lang, sort, dcName);
  columns.push({
    title: t('common.actions'),
    key: 'actions',
    fixed: 'right',
    render: (_, volume) =>
      volume.id.startsWith('task:') ? null : (
        <VolumeActionMenu volume={volume} onAction={(action) => setDialog({ volume, action })} />
      ),
  });

  if (!projectId) return <Empty description={t('volume.noProject')} />;
  const csv = contractUrl(listVolumes, {
    params: { projectId },
    query: { ...filters, format: 'csv' },
  });
  return (
    <>
      <PageHeader
        title={t('volume.title')}
        extra={
          <>
            <LiveBadge connected={connected} />
            <Select<string>
              allowClear
              style={{ width: 150 }}
              placeholder={t('storage.filterStatus')}
              value={status}
              onChange={(value) => {
                setStatus(value);
                list.setPage(1);
              }}
              options={storageStatuses
                .filter((s) => s !== 'deleted')
                .map((s) => ({ value: s, label: storageStatusLabel(t, s) }))}
              data-testid="volume-status-filter"
            />
            <Select<string>
              allowClear
              style={{ width: 170 }}
              placeholder={t('storage.filterDatacenter')}
              value={datacenterId}
              onChange={(value) => {
                setDatacenterId(value);
                list.setPage(1);
              }}
              options={(datacenters.data?.items ?? []).map((d) => ({
                value: d.id,
                label: d.name,
              }))}
              data-testid="volume-datacenter-filter"
            />
            <SearchBox onSearch={list.search} width={200} data-testid="volume-search" />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void query.refetch()}
              data-testid="volume-refresh"
            >
              {t('common.refresh')}
            </Button>
            <Button icon={<DownloadOutlined />} href={csv} data-testid="volume-export">
              {t('storage.exportCsv')}
            </Button>
            {canUse && (
              <CreateButton onClick={() => setCreating(true)} data-testid="volume-create">
                {t('volume.create')}
              </CreateButton>
            )}
          </>
        }
      />
      <ErrorAlert error={query.error} />
      <Table<Volume>
        rowKey="id"
        columns={columns}
        dataSource={query.data ? [...pending, ...listed] : undefined}
        loading={query.isPending || query.isPlaceholderData}
        onRow={rowTestId('volume', (r) => r.name)}
        scroll={{ x: 'max-content' }}
        pagination={list.pagination(query.data?.total)}
        locale={{ emptyText: <Empty description={t('volume.empty')} /> }}
        onChange={(_pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = s?.columnKey;
          if (!s?.order || typeof field !== 'string') setSort('-createdAt');
          else setSort(`${s.order === 'descend' ? '-' : ''}${field}` as Sort);
        }}
        data-testid="volume-table"
      />
      <VolumeActionDialog dialog={dialog} onClose={() => setDialog(null)} />
      <CreateVolumeDrawer
        open={creating}
        onClose={() => setCreating(false)}
        projectId={projectId}
      />
    </>
  );
}
