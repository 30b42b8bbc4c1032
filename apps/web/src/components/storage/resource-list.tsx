'use client';

import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { listVolumeBackups, listVolumeSnapshots, resourceSorts } from '@yunguan/contract';
import { listUsableDatacenters } from '@yunguan/contract';
import { Button, Select } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { Key } from 'react';
import { useState } from 'react';
import { SearchBox } from '@/components/common/list-toolbar';
import { useListState } from '@/components/common/use-list-state';
import { LiveBadge } from '@/components/compute/live-badge';
import { useI18n } from '@/i18n/i18n-provider';
import { contractUrl, queryOptionsFor } from '@/lib/api';
import { storageStatusLabel } from './storage-status-tag';

type Sort = (typeof resourceSorts)[number];
type SorterLike = { order?: 'ascend' | 'descend' | null; columnKey?: Key };
type ListContract = typeof listVolumeSnapshots | typeof listVolumeBackups;

/** Server-side list state of a project's snapshots or backups: filters, search, sort, pages,
 * the query and the CSV link with the same filters. */
export const useResourceList = <T,>(contract: ListContract, projectId: string) => {
  const list = useListState();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [datacenterId, setDatacenterId] = useState<string | undefined>(undefined);
  const [sort, setSort] = useState<Sort>('-createdAt');
  const filters = { q: list.q || undefined, status, datacenterId, sort };
  const query = useQuery({
    ...queryOptionsFor(contract, {
      params: { projectId },
      query: { ...filters, page: list.page, pageSize: list.pageSize },
    }),
    enabled: projectId !== '',
    placeholderData: keepPreviousData,
  });
  const datacenters = useQuery(queryOptionsFor(listUsableDatacenters, {}));
  const csv = contractUrl(contract, {
    params: { projectId },
    query: { ...filters, format: 'csv' },
  });
  const order = (field: string) =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;
  const onSort = (sorter: SorterLike | SorterLike[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.columnKey;
    if (!s?.order || typeof field !== 'string') setSort('-createdAt');
    else setSort(`${s.order === 'descend' ? '-' : ''}${field}` as Sort);
  };
  const pagination = (total?: number): TablePaginationConfig => list.pagination(total);
  const dcName = (id: string) => datacenters.data?.items.find((d) => d.id === id)?.name ?? id;
  return {
    list,
    status,
    setStatus: (value: string | undefined) => {
      setStatus(value);
      list.setPage(1);
    },
    datacenterId,
    setDatacenterId: (value: string | undefined) => {
      setDatacenterId(value);
      list.setPage(1);
    },
    datacenters: datacenters.data?.items ?? [],
    dcName,
    query,
    /** The page's rows; `loaded` false until the first answer. */
    items: (query.data?.items ?? []) as T[],
    loaded: query.data !== undefined,
    total: query.data?.total,
    csv,
    order,
    onSort,
    pagination,
  };
};

/** Live badge, status and datacenter filters, search, refresh and CSV export. */
export function ResourceListToolbar(props: {
  state: ReturnType<typeof useResourceList>;
  statuses: readonly string[];
  connected: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const { state, testId } = props;
  return (
    <>
      <LiveBadge connected={props.connected} />
      <Select<string>
        allowClear
        style={{ width: 150 }}
        placeholder={t('storage.filterStatus')}
        value={state.status}
        onChange={state.setStatus}
        options={props.statuses.map((s) => ({ value: s, label: storageStatusLabel(t, s) }))}
        data-testid={`${testId}-status-filter`}
      />
      <Select<string>
        allowClear
        style={{ width: 170 }}
        placeholder={t('storage.filterDatacenter')}
        value={state.datacenterId}
        onChange={state.setDatacenterId}
        options={state.datacenters.map((d) => ({ value: d.id, label: d.name }))}
        data-testid={`${testId}-datacenter-filter`}
      />
      <SearchBox onSearch={state.list.search} width={200} data-testid={`${testId}-search`} />
      <Button
        icon={<ReloadOutlined />}
        onClick={() => void state.query.refetch()}
        data-testid={`${testId}-refresh`}
      >
        {t('common.refresh')}
      </Button>
      <Button icon={<DownloadOutlined />} href={state.csv} data-testid={`${testId}-export`}>
        {t('storage.exportCsv')}
      </Button>
    </>
  );
}
