'use client';

import type { MonitoringSummary } from '@yunguan/contract';
import { getBaremetalMetrics, getHypervisorMetrics, metricNames } from '@yunguan/contract';
import { Card, Progress, Table, Tag } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import { formatMetric } from './format-metric';
import { MetricsDrawerButton } from './metrics-drawer';

type Host = MonitoringSummary['hosts'][number];
const roleColors: Record<Host['role'], string> = {
  hypervisor: 'blue',
  baremetal: 'purple',
  agent: 'cyan',
  other: 'default',
};

const Bar = ({ value }: { value: number | null }) =>
  value === null ? (
    '—'
  ) : (
    <div style={{ width: 120 }}>
      <Progress
        percent={Math.round(value)}
        size="small"
        status={value >= 90 ? 'exception' : 'normal'}
      />
    </div>
  );

/** Every host reporting to the datacenter's InfluxDB, with its latest figures. */
export function HostsTable(props: { hosts: Host[]; datacenterId: string }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" title={t('mon.hosts')}>
      <Table<Host>
        size="small"
        rowKey={(h) => `${h.role}/${h.host}`}
        dataSource={props.hosts}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="monitoring-hosts"
        onRow={(h) => ({ 'data-testid': `monitoring-host-${h.host}` }) as object}
        columns={[
          { title: t('mon.host'), dataIndex: 'host' },
          {
            title: t('mon.role'),
            key: 'role',
            render: (_, h) => <Tag color={roleColors[h.role]}>{t(`mon.role.${h.role}`)}</Tag>,
          },
          { title: t('mon.cpu'), key: 'cpu', render: (_, h) => <Bar value={h.cpuPercent} /> },
          { title: t('mon.memory'), key: 'mem', render: (_, h) => <Bar value={h.memoryPercent} /> },
          { title: t('mon.disk'), key: 'disk', render: (_, h) => <Bar value={h.diskPercent} /> },
          { title: t('mon.load'), key: 'load', render: (_, h) => h.load1 ?? '—' },
          {
            title: t('mon.netIn'),
            key: 'in',
            render: (_, h) => formatMetric('bytes_per_second', h.netInBps),
          },
          {
            title: t('mon.netOut'),
            key: 'out',
            render: (_, h) => formatMetric('bytes_per_second', h.netOutBps),
          },
          {
            title: t('mon.uptime'),
            key: 'uptime',
            render: (_, h) =>
              h.uptimeSeconds === null
                ? '—'
                : t('mon.uptimeValue', {
                    days: Math.floor(h.uptimeSeconds / 86_400),
                    hours: Math.floor((h.uptimeSeconds % 86_400) / 3_600),
                    minutes: Math.floor((h.uptimeSeconds % 3_600) / 60),
                  }),
          },
          {
            title: t('mon.lastSeen'),
            key: 'seen',
            render: (_, h) => formatDateTime(h.lastSeen, lang),
          },
          {
            title: t('mon.charts'),
            key: 'charts',
            render: (_, h) =>
              h.role === 'hypervisor' || h.role === 'agent' ? (
                <MetricsDrawerButton
                  title={`${h.host} · ${t('mon.tab')}`}
                  contract={getHypervisorMetrics}
                  params={{ id: props.datacenterId, hostname: h.host }}
                  metrics={metricNames.host}
                  testId={`monitoring-charts-${h.host}`}
                />
              ) : h.role === 'baremetal' && h.nodeId ? (
                <MetricsDrawerButton
                  title={`${h.host} · ${t('mon.tab')}`}
                  contract={getBaremetalMetrics}
                  params={{ id: props.datacenterId, nodeId: h.nodeId }}
                  metrics={metricNames.host}
                  testId={`monitoring-charts-${h.host}`}
                />
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
