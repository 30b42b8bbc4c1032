'use client';

import { useQuery } from '@tanstack/react-query';
import type { Volume, VolumeSnapshot } from '@yunguan/contract';
import { listVolumeSnapshots } from '@yunguan/contract';
import { Table } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { StorageStatusTag } from '../storage-status-tag';

/** The volume's snapshots (the project's snapshot list, this volume's entries). */
export function VolumeSnapshots({ volume }: { volume: Volume }) {
  const { t, lang } = useI18n();
  const query = useQuery({
    ...queryOptionsFor(listVolumeSnapshots, {
      params: { projectId: volume.projectId ?? '' },
      query: { datacenterId: volume.datacenterId, pageSize: 500 },
    }),
    enabled: volume.projectId !== null,
  });
  const items = (query.data?.items ?? []).filter(
    (s) => s.spec.volumeId === volume.id || s.spec.volumeExternalId === volume.externalId,
  );
  return (
    <>
      <ErrorAlert error={query.error} />
      <Table<VolumeSnapshot>
        rowKey="id"
        size="small"
        loading={query.isPending}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('volume.noSnapshots') }}
        onRow={(s) =>
          ({ 'data-testid': `volume-snapshot-row-${s.name}` }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="volume-snapshots"
        columns={[
          { title: t('storage.name'), dataIndex: 'name' },
          {
            title: t('storage.status'),
            key: 'status',
            render: (_, s) => (
              <StorageStatusTag
                status={s.status}
                activeTask={s.activeTask}
                testId={`volume-snapshot-status-${s.name}`}
              />
            ),
          },
          {
            title: t('storage.size'),
            key: 'size',
            render: (_, s) => t('storage.sizeGb', { size: s.spec.sizeGb }),
          },
          {
            title: t('storage.createdAt'),
            key: 'createdAt',
            render: (_, s) => formatDateTime(s.spec.createdAt ?? s.firstSeenAt, lang),
          },
        ]}
      />
    </>
  );
}
