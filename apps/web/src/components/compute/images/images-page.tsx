'use client';

import { statusLabel } from '@/lib/labels';
import { LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '@yunguan/contract';
import { listImages } from '@yunguan/contract';
import { Empty, Tag } from 'antd';
import { useState } from 'react';
import { AdminListPage } from '@/components/common/admin-list-page';
import { SearchBox } from '@/components/common/list-toolbar';
import { rowTestId } from '@/components/common/row-props';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { formatDateTime } from '@/lib/format';
import { formatBytes } from '../catalog/catalog-format';
import { DatacenterSelect, useDatacenterChoice } from '../datacenter-choice';
import { ImagePageActions } from '@/components/images/image-page-actions';

type Image = ResponseOf<typeof listImages>['items'][number];
const visibilityColors = {
  public: 'green',
  private: 'default',
  shared: 'blue',
  community: 'purple',
};

/** Images the current project can boot from in one datacenter (read-only). */
export function ImagesPage() {
  const { t, lang } = useI18n();
  const { projectId } = useCurrentProject();
  const choice = useDatacenterChoice();
  const datacenterId = choice.datacenterId ?? '';
  const [q, setQ] = useState('');
  const query = useQuery({
    ...queryOptionsFor(listImages, {
      params: { id: datacenterId },
      query: { projectId: projectId ?? '' },
    }),
    enabled: datacenterId !== '' && projectId !== undefined,
  });
  const items = (query.data?.items ?? []).filter((i) =>
    i.name.toLowerCase().includes(q.toLowerCase()),
  );

  if (!projectId) return <Empty description={t('compute.noProject')} />;
  return (
    <AdminListPage<Image & { id: string }>
      title={t('image.title')}
      extra={
        <>
          <DatacenterSelect choice={choice} />
          <SearchBox onSearch={(text) => setQ(text.trim())} data-testid="image-search" />
          <ImagePageActions projectId={projectId} datacenterId={datacenterId} />
        </>
      }
      error={choice.query.error ?? query.error}
      dataSource={items.map((i) => ({ ...i, id: i.externalId }))}
      loading={query.isFetching}
      onRow={rowTestId('image', (i) => i.name)}
      scroll={{ x: 'max-content' }}
      data-testid="image-table"
      columns={[
        {
          title: t('common.name'),
          dataIndex: 'name',
          sorter: (a, b) => a.name.localeCompare(b.name),
          render: (name: string, i) => (
            <>
              {name} {i.protected && <LockOutlined title={t('image.protected')} />}
            </>
          ),
        },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (v: string) => statusLabel(t, 'image', v),
        },
        {
          title: t('image.format'),
          key: 'format',
          render: (_, i) => [i.diskFormat, i.containerFormat].filter(Boolean).join(' / ') || '—',
        },
        {
          title: t('image.visibility'),
          dataIndex: 'visibility',
          render: (v: Image['visibility']) => (
            <Tag color={visibilityColors[v]}>{t(`image.visibility.${v}`)}</Tag>
          ),
        },
        {
          title: t('image.protected'),
          dataIndex: 'protected',
          render: (p: boolean) => (p ? t('common.yes') : t('common.no')),
        },
        {
          title: t('image.size'),
          dataIndex: 'sizeBytes',
          sorter: (a, b) => (a.sizeBytes ?? 0) - (b.sizeBytes ?? 0),
          render: (b: number | null) => formatBytes(b) || '—',
        },
        {
          title: t('image.minimum'),
          key: 'min',
          render: (_, i) => `${i.minDiskGb} GB / ${i.minRamMb} MB`,
        },
        {
          title: t('common.createdAt'),
          dataIndex: 'createdAt',
          render: (at: string) => formatDateTime(at, lang),
        },
      ]}
    />
  );
}
