'use client';

import { useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '@yunguan/contract';
import { listFlavors } from '@yunguan/contract';
import { Flex, Tag } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatRam } from '../catalog/catalog-format';
import { useDatacenterChoice } from '../datacenter-choice';
import { CatalogListPage } from './catalog-list-page';

type Flavor = ResponseOf<typeof listFlavors>['items'][number] & { id: string };

/** The datacenter's flavors (read-only: the API offers no flavor writes yet). */
export function FlavorsPage() {
  const { t } = useI18n();
  const choice = useDatacenterChoice();
  const id = choice.datacenterId ?? '';
  const query = useQuery({
    ...queryOptionsFor(listFlavors, { params: { id } }),
    enabled: id !== '',
  });
  return (
    <CatalogListPage<Flavor>
      title={t('admin.flavors')}
      choice={choice}
      error={query.error}
      loading={query.isFetching}
      items={query.data?.items.map((f) => ({ ...f, id: f.externalId }))}
      rowName={(f) => f.name}
      testId="flavor"
      columns={[
        {
          title: t('common.name'),
          dataIndex: 'name',
          sorter: (a, b) => a.name.localeCompare(b.name),
        },
        { title: t('catalog.vcpus'), dataIndex: 'vcpus', sorter: (a, b) => a.vcpus - b.vcpus },
        {
          title: t('catalog.ram'),
          dataIndex: 'ramMb',
          sorter: (a, b) => a.ramMb - b.ramMb,
          render: (mb: number) => formatRam(mb),
        },
        { title: t('catalog.disk'), dataIndex: 'diskGb', render: (gb: number) => `${gb} GB` },
        {
          title: t('admin.ephemeral'),
          dataIndex: 'ephemeralGb',
          render: (gb: number) => `${gb} GB`,
        },
        {
          title: t('admin.swap'),
          dataIndex: 'swapMb',
          render: (mb: number) => (mb ? formatRam(mb) : '—'),
        },
        {
          title: t('admin.public'),
          dataIndex: 'isPublic',
          render: (p: boolean) => (p ? t('common.yes') : t('common.no')),
        },
        {
          title: t('admin.extraSpecs'),
          dataIndex: 'extraSpecs',
          render: (specs: Record<string, string>) =>
            Object.keys(specs).length ? (
              <Flex gap={4} wrap>
                {Object.entries(specs).map(([k, v]) => (
                  <Tag key={k}>{`${k}=${v}`}</Tag>
                ))}
              </Flex>
            ) : (
              '—'
            ),
        },
        { title: 'ID', dataIndex: 'externalId' },
      ]}
    />
  );
}
