'use client';

import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Contract, resourceSorts } from '@yunguan/contract';
import { Button, Empty, Select, Table } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { SearchBox } from '@/components/common/list-toolbar';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useListState } from '@/components/common/use-list-state';
import { DatacenterSelect, useDatacenterChoice } from '@/components/compute/datacenter-choice';
import { LiveBadge } from '@/components/compute/live-badge';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, contractUrl } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { formatDateTime } from '@/lib/format';
import { RecentNetworkTasks } from './recent-network-tasks';
import { ResourceStatusTag } from './resource-status-tag';
import type { ResourcePage, ResourceRow } from './resource-types';
import { useNetworkLive } from './use-network-live';

type Sort = (typeof resourceSorts)[number];

export type ResourceListProps<S> = {
  /** Test-id prefix: `<prefix>-table`, `<prefix>-row-<name>`, `<prefix>-status-<name>` … */
  prefix: string;
  title: ReactNode;
  /** GET /api/v1/projects/:projectId/<plural> (resourceListQuery, page of items). */
  contract: Contract;
  /** Columns between status and created. */
  columns?: TableColumnsType<ResourceRow<S>>;
  detailHref?: (row: ResourceRow<S>) => string;
  statuses?: readonly string[];
  actions?: (row: ResourceRow<S>) => ReactNode;
  /** Create buttons and the like, at the end of the header. */
  toolbar?: ReactNode;
  /** Above the table (e.g. why creating is not offered). */
  banner?: ReactNode;
  emptyText?: string;
  expandable?: TableProps<ResourceRow<S>>['expandable'];
  /** Read one datacenter live (the API's ?datacenterId=), chosen in the header. */
  datacenterScoped?: boolean;
  /** Task kinds shown in the "recent tasks" panel (default: the rows' own kind). */
  taskKinds?: readonly string[];
};

/** The project's objects of one kind: status filter, search, sort, pages, CSV export; rows show
 * their running task live through the event stream. */
export function ResourceListPage<S>(props: ResourceListProps<S>) {
  const { t, lang } = useI18n();
  const { projectId } = useCurrentProject();
  const connected = useNetworkLive();
  const list = useListState();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [sort, setSort] = useState<Sort>('-createdAt');
  const { prefix, contract } = props;
  const choice = useDatacenterChoice();
  const datacenterId = props.datacenterScoped ? choice.datacenterId : undefined;
  const waiting = props.datacenterScoped === true && datacenterId === undefined;

  const input = {
    params: { projectId: projectId ?? '' },
    query: {
      page: list.page,
      pageSize: list.pageSize,
      q: list.q || undefined,
      status,
      sort,
      datacenterId,
    },
  };
  const query = useQuery({
    queryKey: [contract.id, input] as const,
    queryFn: ({ signal }) =>
      callContract(contract, input as never, { signal }) as Promise<ResourcePage<S>>,
    enabled: projectId !== undefined && !waiting,
    placeholderData: keepPreviousData,
  });

  const order = (field: string) =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;
  const columns: TableColumnsType<ResourceRow<S>> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      sorter: true,
      sortOrder: order('name'),
      render: (name: string, row) =>
        props.detailHref ? (
          <Link href={props.detailHref(row)} data-testid={`${prefix}-link-${name}`}>
            {name || row.externalId}
          </Link>
        ) : (
          <span data-testid={`${prefix}-name-${name}`}>{name || row.externalId}</span>
        ),
    },
    {
      title: t('common.status'),
      key: 'status',
      sorter: true,
      sortOrder: order('status'),
      render: (_, row) => (
        <ResourceStatusTag
          status={row.status}
          activeTask={row.activeTask}
          testId={`${prefix}-status-${row.name}`}
        />
      ),
    },
    ...(props.columns ?? []),
    {
      title: t('common.createdAt'),
      key: 'createdAt',
      sorter: true,
      sortOrder: order('createdAt'),
      render: (_, row) => formatDateTime(row.firstSeenAt, lang),
    },
  ];
  if (props.actions) {
    const actions = props.actions;
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, row) => actions(row),
    });
  }

  const csv = projectId
    ? contractUrl(contract, {
        params: { projectId },
        query: { q: list.q || undefined, status, sort, datacenterId, format: 'csv' },
      })
    : undefined;

  if (!projectId) return <Empty description={t('compute.noProject')} />;
  return (
    <>
      <PageHeader
        title={props.title}
        extra={
          <>
            <LiveBadge connected={connected} />
            {props.datacenterScoped && <DatacenterSelect choice={choice} />}
            {props.statuses && (
              <Select<string>
                allowClear
                style={{ width: 150 }}
                placeholder={t('net.filterStatus')}
                value={status}
                onChange={(value) => {
                  setStatus(value);
                  list.setPage(1);
                }}
                options={props.statuses.map((s) => ({ value: s, label: s }))}
                data-testid={`${prefix}-status-filter`}
              />
            )}
            <SearchBox onSearch={list.search} data-testid={`${prefix}-search`} width={200} />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void query.refetch()}
              data-testid={`${prefix}-refresh`}
            >
              {t('common.refresh')}
            </Button>
            <Button icon={<DownloadOutlined />} href={csv} data-testid={`${prefix}-export`}>
              {t('net.exportCsv')}
            </Button>
            {props.toolbar}
          </>
        }
      />
      {props.banner}
      <ErrorAlert error={query.error} />
      {props.taskKinds && <RecentNetworkTasks kinds={props.taskKinds} prefix={prefix} />}
      <Table<ResourceRow<S>>
        rowKey="id"
        columns={columns}
        expandable={props.expandable}
        dataSource={query.data?.items}
        loading={query.isFetching && (query.isPending || query.isPlaceholderData)}
        onRow={rowTestId(prefix, (r) => r.name)}
        scroll={{ x: 'max-content' }}
        pagination={list.pagination(query.data?.total)}
        locale={{ emptyText: <Empty description={props.emptyText ?? t('net.empty')} /> }}
        onChange={(_pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = s?.columnKey;
          if (!s?.order || typeof field !== 'string') setSort('-createdAt');
          else setSort(`${s.order === 'descend' ? '-' : ''}${field}` as Sort);
        }}
        data-testid={`${prefix}-table`}
      />
    </>
  );
}
