'use client';

import type { OverviewDatacenter } from '@yunguan/contract';
import { Card, Empty, Table, Tag, Tooltip } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';

const tunnelColors = { online: 'green', degraded: 'orange', offline: 'red' } as const;
const syncColors = { idle: 'green', running: 'processing', failed: 'red' } as const;

/** Every datacenter with its tunnel and its inventory sync. */
export function OverviewDatacenters({
  datacenters,
}: {
  datacenters: readonly OverviewDatacenter[];
}) {
  const { t, lang } = useI18n();
  return (
    <Card title={t('overview.datacenters')} size="small" data-testid="overview-datacenters">
      {datacenters.length === 0 ? (
        <Empty description={t('overview.noDatacenters')} />
      ) : (
        <Table<OverviewDatacenter>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={[...datacenters]}
          onRow={(d) => ({ 'data-testid': `overview-datacenter-${d.name}` }) as object}
          columns={[
            { title: t('common.name'), dataIndex: 'name' },
            {
              title: t('overview.tunnel'),
              dataIndex: 'tunnel',
              render: (state: OverviewDatacenter['tunnel']) => (
                <Tag color={tunnelColors[state]} data-state={state}>
                  {t(`datacenters.state.${state}`)}
                </Tag>
              ),
            },
            {
              title: t('overview.sync'),
              key: 'sync',
              render: (_: unknown, d: OverviewDatacenter) => {
                const tag = (
                  <Tag color={syncColors[d.sync]} data-state={d.sync}>
                    {t(`sync.state.${d.sync}`)}
                  </Tag>
                );
                return d.lastSyncError ? <Tooltip title={d.lastSyncError}>{tag}</Tooltip> : tag;
              },
            },
            {
              title: t('overview.lastSync'),
              dataIndex: 'lastSyncAt',
              render: (v: string | null) => (v ? formatDateTime(v, lang) : t('overview.never')),
            },
          ]}
        />
      )}
    </Card>
  );
}
