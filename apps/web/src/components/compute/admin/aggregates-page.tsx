'use client';

import { useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '@yunguan/contract';
import { listAggregates } from '@yunguan/contract';
import { Flex, Tag } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useDatacenterChoice } from '../datacenter-choice';
import { CatalogListPage } from './catalog-list-page';

type Aggregate = ResponseOf<typeof listAggregates>['items'][number] & { id: string };

const tags = (values: string[]) =>
  values.length ? (
    <Flex gap={4} wrap>
      {values.map((v) => (
        <Tag key={v}>{v}</Tag>
      ))}
    </Flex>
  ) : (
    '—'
  );

/** Host aggregates with their zone, hosts and metadata (read-only). */
export function AggregatesPage() {
  const { t } = useI18n();
  const choice = useDatacenterChoice();
  const id = choice.datacenterId ?? '';
  const query = useQuery({
    ...queryOptionsFor(listAggregates, { params: { id } }),
    enabled: id !== '',
  });
  return (
    <CatalogListPage<Aggregate>
      title={t('admin.aggregates')}
      choice={choice}
      error={query.error}
      loading={query.isFetching}
      items={query.data?.items.map((a) => ({ ...a, id: a.externalId }))}
      rowName={(a) => a.name}
      testId="aggregate"
      columns={[
        { title: t('common.name'), dataIndex: 'name' },
        {
          title: t('server.az'),
          dataIndex: 'availabilityZone',
          render: (az: string | null) => az ?? '—',
        },
        { title: t('admin.hosts'), dataIndex: 'hosts', render: tags },
        {
          title: t('admin.metadata'),
          dataIndex: 'metadata',
          render: (m: Record<string, string>) =>
            tags(Object.entries(m).map(([k, v]) => `${k}=${v}`)),
        },
      ]}
    />
  );
}
