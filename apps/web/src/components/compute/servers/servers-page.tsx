'use client';

import { DeleteOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Server, ServerStatus, serverSorts } from '@yunguan/contract';
import { deleteServer, listServers, listTasks } from '@yunguan/contract';
import { App, Button, Empty, Popconfirm, Select, Table } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { CreateButton, SearchBox } from '@/components/common/list-toolbar';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useListState } from '@/components/common/use-list-state';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, contractUrl, queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { useCan } from '@/lib/me-context';
import { useLiveEvents } from '@/lib/use-events';
import { LiveBadge } from '../live-badge';
import { serverStatusLabel, serverStatusList } from '../server-status-tag';
import { pendingServers } from './pending-servers';
import { RecentTasks } from './recent-tasks';
import { ServerActionDialog } from './server-action-dialogs';
import type { MenuAction } from './server-action-menu';
import { ServerActionMenu } from './server-action-menu';
import { serverColumns } from './server-columns';

type Sort = (typeof serverSorts)[number];

/** The current project's servers: filter, search, sort, pages, CSV, row actions, bulk delete;
 * statuses follow the live event stream without reloading. */
export function ServersPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { projectId } = useCurrentProject();
  const canUse = useCan('resource.use');
  const connected = useLiveEvents();
  const list = useListState();
  const [status, setStatus] = useState<ServerStatus | undefined>(undefined);
  const [sort, setSort] = useState<Sort>('-createdAt');
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<{ server: Server; action: MenuAction } | null>(null);
  const [bulkPending, setBulkPending] = useState(false);

  const filters = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    status,
    sort,
  };
  const query = useQuery({
    ...queryOptionsFor(listServers, { params: { projectId: projectId ?? '' }, query: filters }),
    enabled: projectId !== undefined,
    placeholderData: keepPreviousData,
  });

  // The project's latest tasks: the recent-tasks panel, and rows for servers still building.
  const tasks = useQuery({
    ...queryOptionsFor(listTasks, { query: { projectId: projectId ?? '', pageSize: 10 } }),
    enabled: projectId !== undefined,
    refetchInterval: 30_000,
  });
  const listed = query.data?.items ?? [];
  const showPending = list.page === 1 && (status === undefined || status === 'building');
  const pending = showPending
    ? pendingServers(tasks.data?.items ?? [], listed).filter((s) =>
        s.name.toLowerCase().includes(list.q.toLowerCase()),
      )
    : [];

  const bulkDelete = async () => {
    setBulkPending(true);
    const results = await Promise.allSettled(
      selected.map((id) => callContract(deleteServer, { params: { id } })),
    );
    setBulkPending(false);
    const failed = results.filter((r) => r.status === 'rejected');
    const ok = results.length - failed.length;
    if (ok > 0) void message.success(t('server.bulkDeleteDone', { count: ok }));
    for (const f of failed) void message.error((f.reason as Error).message);
    setSelected([]);
    await queryClient.invalidateQueries({ queryKey: [listServers.id] });
  };

  const columns = serverColumns(t, lang, sort);
  columns.push({
    title: t('common.actions'),
    key: 'actions',
    fixed: 'right',
    render: (_, server) => (
      <ServerActionMenu server={server} onAction={(action) => setDialog({ server, action })} />
    ),
  });

  const csv = projectId
    ? contractUrl(listServers, {
        params: { projectId },
        query: { q: list.q || undefined, status, sort, format: 'csv' },
      })
    : undefined;

  if (!projectId) return <Empty description={t('compute.noProject')} />;
  return (
    <>
      <PageHeader
        title={t('server.title')}
        extra={
          <>
            <LiveBadge connected={connected} />
            {canUse && selected.length > 0 && (
              <Popconfirm
                title={t('server.bulkDeleteConfirm', { count: selected.length })}
                onConfirm={() => void bulkDelete()}
                okButtonProps={{ danger: true, 'data-testid': 'confirm-bulk-delete' }}
              >
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  loading={bulkPending}
                  data-testid="server-bulk-delete"
                >
                  {t('server.bulkDelete', { count: selected.length })}
                </Button>
              </Popconfirm>
            )}
            <Select<ServerStatus>
              allowClear
              style={{ width: 160 }}
              placeholder={t('server.filterStatus')}
              value={status}
              onChange={(value) => {
                setStatus(value);
                list.setPage(1);
              }}
              options={serverStatusList.map((s) => ({ value: s, label: serverStatusLabel(t, s) }))}
              data-testid="server-status-filter"
            />
            <SearchBox onSearch={list.search} data-testid="server-search" />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void query.refetch()}
              data-testid="server-refresh"
            >
              {t('common.refresh')}
            </Button>
            <Button icon={<DownloadOutlined />} href={csv} data-testid="server-export">
              {t('server.exportCsv')}
            </Button>
            {canUse && (
              <CreateButton
                onClick={() => router.push('/console/compute/servers/create')}
                data-testid="server-create"
              >
                {t('server.create')}
              </CreateButton>
            )}
          </>
        }
      />
      <ErrorAlert error={query.error} />
      <RecentTasks tasks={tasks.data?.items ?? []} updatedAt={tasks.dataUpdatedAt} />
      <Table<Server>
        rowKey="id"
        columns={columns}
        dataSource={query.data ? [...pending, ...listed] : undefined}
        loading={query.isPending || query.isPlaceholderData}
        onRow={rowTestId('server', (r) => r.name)}
        scroll={{ x: 'max-content' }}
        pagination={list.pagination(query.data?.total)}
        locale={{ emptyText: <Empty description={t('server.empty')} /> }}
        rowSelection={
          canUse
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (s) => ({
                  disabled: !s.allowedActions.includes('delete'),
                  'data-testid': `server-select-${s.name}`,
                }),
              }
            : undefined
        }
        onChange={(_pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = s?.columnKey;
          if (!s?.order || typeof field !== 'string') setSort('-createdAt');
          else setSort(`${s.order === 'descend' ? '-' : ''}${field}` as Sort);
        }}
        data-testid="server-table"
      />
      <ServerActionDialog
        server={dialog?.server ?? null}
        action={dialog?.action ?? null}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
