'use client';

import type { MonitoringSummary } from '@yunguan/contract';
import { Card, Col, Descriptions, Empty, Progress, Row, Table, Tag } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { formatBytes, formatMetric } from './format-metric';

type Ceph = NonNullable<MonitoringSummary['ceph']>;
type Pool = Ceph['pools'][number];
const healthColors = {
  HEALTH_OK: 'green',
  HEALTH_WARN: 'orange',
  HEALTH_ERR: 'red',
  unknown: 'default',
};

/** Ceph as telegraf's ceph input reports it: health, capacity, OSDs, PGs and pools. */
export function CephPanel({ ceph }: { ceph: MonitoringSummary['ceph'] }) {
  const { t } = useI18n();
  if (!ceph)
    return (
      <Card size="small" title={t('mon.ceph')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mon.ceph.none')} />
      </Card>
    );
  const { capacity } = ceph;
  const usedPercent =
    capacity.totalBytes > 0 ? (capacity.usedBytes / capacity.totalBytes) * 100 : 0;
  return (
    <Card
      size="small"
      title={t('mon.ceph')}
      extra={
        <Tag color={healthColors[ceph.health]} data-testid="ceph-health">
          {ceph.health}
        </Tag>
      }
      data-testid="monitoring-ceph"
    >
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Progress
            type="dashboard"
            percent={Math.round(usedPercent)}
            status={usedPercent >= 85 ? 'exception' : 'normal'}
          />
          <div>
            {t('mon.ceph.used', {
              used: formatBytes(capacity.usedBytes),
              total: formatBytes(capacity.totalBytes),
            })}
          </div>
        </Col>
        <Col xs={24} md={14}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('mon.ceph.osds')}>
              <span data-testid="ceph-osds">
                {t('mon.ceph.osdsValue', {
                  up: ceph.osds.up,
                  inCount: ceph.osds.in,
                  total: ceph.osds.total,
                })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('mon.ceph.pgs')}>
              {ceph.pgs.total}:{' '}
              {ceph.pgs.states.map((s) => (
                <Tag key={s.state} color={s.state === 'active+clean' ? 'green' : 'orange'}>
                  {s.state} {s.count}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('mon.ceph.io')}>
              {t('mon.ceph.read')} {formatMetric('bytes_per_second', ceph.readBps)} ·{' '}
              {t('mon.ceph.write')} {formatMetric('bytes_per_second', ceph.writeBps)} · IOPS{' '}
              {formatMetric('ops_per_second', (ceph.readIops ?? 0) + (ceph.writeIops ?? 0))}
            </Descriptions.Item>
          </Descriptions>
        </Col>
      </Row>
      <Table<Pool>
        size="small"
        rowKey="name"
        dataSource={ceph.pools}
        pagination={false}
        style={{ marginTop: 12 }}
        data-testid="ceph-pools"
        columns={[
          { title: t('mon.ceph.pool'), dataIndex: 'name' },
          {
            title: t('mon.ceph.poolUsed'),
            key: 'used',
            render: (_, p) => formatBytes(p.usedBytes),
          },
          {
            title: t('mon.ceph.poolAvail'),
            key: 'avail',
            render: (_, p) => formatBytes(p.availBytes),
          },
          {
            title: t('mon.ceph.poolTotal'),
            key: 'total',
            render: (_, p) => formatBytes(p.totalBytes),
          },
          {
            title: '%',
            key: 'pct',
            render: (_, p) => formatMetric('percent', p.percentUsed),
          },
          {
            title: t('mon.ceph.read'),
            key: 'r',
            render: (_, p) =>
              `${formatMetric('bytes_per_second', p.readBps)} · ${formatMetric('ops_per_second', p.readIops)}`,
          },
          {
            title: t('mon.ceph.write'),
            key: 'w',
            render: (_, p) =>
              `${formatMetric('bytes_per_second', p.writeBps)} · ${formatMetric('ops_per_second', p.writeIops)}`,
          },
        ]}
      />
    </Card>
  );
}
