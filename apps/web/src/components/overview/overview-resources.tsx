'use client';

import type { Overview } from '@yunguan/contract';
import { Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useI18n } from '@/i18n/i18n-provider';
import { kindLabel, statusLabel } from '@/lib/labels';

/** Where each kind is listed (kinds without a page of their own are still counted). */
const listOf: Record<string, string> = {
  server: '/console/compute/servers',
  volume: '/console/storage/volumes',
  'volume-snapshot': '/console/storage/snapshots',
  'volume-backup': '/console/storage/backups',
  network: '/console/network/networks',
  router: '/console/network/routers',
  'floating-ip': '/console/network/floating-ips',
  'security-group': '/console/network/security-groups',
  'load-balancer': '/console/network/load-balancers',
  image: '/console/compute/images',
};

type Row = { type: string; total: number; states: { status: string; count: number }[] };

/** Resources by type, each with its count per state. */
export function OverviewResources({ resources }: { resources: Overview['resources'] }) {
  const { t } = useI18n();
  const rows = new Map<string, Row>();
  for (const r of resources) {
    const row = rows.get(r.type) ?? { type: r.type, total: 0, states: [] };
    row.total += r.count;
    row.states.push({ status: r.status, count: r.count });
    rows.set(r.type, row);
  }
  return (
    <Card title={t('overview.resources')} size="small" data-testid="overview-resources">
      {rows.size === 0 ? (
        <Empty description={t('overview.noResources')} />
      ) : (
        <Table<Row>
          size="small"
          pagination={false}
          rowKey="type"
          dataSource={[...rows.values()]}
          onRow={(r) => ({ 'data-testid': `overview-resource-${r.type}` }) as object}
          columns={[
            {
              title: t('overview.kind'),
              dataIndex: 'type',
              render: (type: string) =>
                listOf[type] ? (
                  <Link href={listOf[type]}>{kindLabel(t, type)}</Link>
                ) : (
                  kindLabel(t, type)
                ),
            },
            {
              title: t('overview.count'),
              dataIndex: 'total',
              width: 80,
              render: (n: number) => <Typography.Text strong>{n}</Typography.Text>,
            },
            {
              title: t('overview.byState'),
              key: 'states',
              render: (_: unknown, r: Row) => (
                <Flex gap={4} wrap>
                  {r.states.map((s) => (
                    <Tag key={s.status} data-status={s.status}>
                      {statusLabel(t, r.type, s.status)} {s.count}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
