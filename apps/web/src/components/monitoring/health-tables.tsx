'use client';

import type { MonitoringSummary } from '@yunguan/contract';
import { Card, Table, Tag } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';

type Check = MonitoringSummary['healthChecks'][number];
type Nic = MonitoringSummary['nics'][number];

/** TStack's platform checks: cluster (service endpoints, tunnel) and node (disk, NICs, uptime). */
export function HealthChecksTable({ checks }: { checks: Check[] }) {
  const { t, lang } = useI18n();
  const sorted = [...checks].sort(
    (a, b) =>
      Number(a.ok) - Number(b.ok) ||
      a.check.localeCompare(b.check) ||
      a.target.localeCompare(b.target),
  );
  return (
    <Card size="small" title={t('mon.health')}>
      <Table<Check>
        size="small"
        rowKey={(c) => `${c.check}/${c.host}/${c.target}`}
        dataSource={sorted}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="monitoring-health"
        onRow={(c) => ({ 'data-testid': `health-${c.check}-${c.target}` }) as object}
        columns={[
          {
            title: t('mon.health.check'),
            key: 'check',
            render: (_, c) => (
              <span style={{ whiteSpace: 'nowrap' }}>{t(`mon.health.check.${c.check}`)}</span>
            ),
          },
          { title: t('mon.health.target'), dataIndex: 'target' },
          { title: t('mon.host'), dataIndex: 'host' },
          {
            title: t('mon.health.result'),
            key: 'ok',
            render: (_, c) => (
              <Tag color={c.ok ? 'green' : 'red'}>
                {t(c.ok ? 'mon.health.ok' : 'mon.health.failed')}
              </Tag>
            ),
          },
          { title: t('mon.health.message'), dataIndex: 'message' },
          {
            title: t('mon.health.checkedAt'),
            key: 'at',
            render: (_, c) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.checkedAt, lang)}</span>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Link state of every NIC the collectors report. */
export function NicLinksTable({ nics }: { nics: Nic[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('mon.nics')}>
      <Table<Nic>
        size="small"
        rowKey={(n) => `${n.host}/${n.interface}`}
        dataSource={[...nics].sort((a, b) => a.host.localeCompare(b.host))}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="monitoring-nics"
        columns={[
          { title: t('mon.host'), dataIndex: 'host' },
          { title: t('mon.nic'), dataIndex: 'interface' },
          {
            title: t('mon.health.result'),
            key: 'up',
            render: (_, n) => (
              <Tag color={n.up ? 'green' : 'red'}>{t(n.up ? 'mon.nic.up' : 'mon.nic.down')}</Tag>
            ),
          },
          {
            title: t('mon.nic.speed'),
            key: 'speed',
            render: (_, n) => (n.speedMbps ? `${n.speedMbps} Mb/s` : '—'),
          },
        ]}
      />
    </Card>
  );
}
