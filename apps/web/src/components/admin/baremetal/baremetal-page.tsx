'use client';

import { useQuery } from '@tanstack/react-query';
import {
  getBaremetalMetrics,
  listBaremetalNodes,
  metricNames,
  type BaremetalNode,
} from '@yunguan/contract';
import { Tag } from 'antd';
import { AdminListPage } from '@/components/common/admin-list-page';
import { rowTestId } from '@/components/common/row-props';
import { DatacenterSelect, useDatacenterChoice } from '@/components/compute/datacenter-choice';
import { MetricsDrawerButton } from '@/components/monitoring/metrics-drawer';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { BaremetalActions } from './baremetal-actions';

const provisionColors: Record<string, string> = {
  available: 'green',
  active: 'blue',
  manageable: 'gold',
  enroll: 'default',
};

/** Bare-metal nodes of one datacenter (Ironic), refreshed every few seconds while they move. */
export function BaremetalPage() {
  const { t } = useI18n();
  const choice = useDatacenterChoice();
  const datacenterId = choice.datacenterId ?? '';
  const query = useQuery({
    ...queryOptionsFor(listBaremetalNodes, { params: { id: datacenterId } }),
    enabled: datacenterId !== '',
    refetchInterval: (q) =>
      q.state.data?.items.some((n) => n.targetPowerState || n.targetProvisionState)
        ? 2_000
        : 15_000,
  });
  return (
    <AdminListPage<BaremetalNode & { id: string }>
      title={t('baremetal.title')}
      extra={<DatacenterSelect choice={choice} />}
      error={choice.query.error ?? query.error}
      dataSource={(query.data?.items ?? []).map((n) => ({ ...n, id: n.externalId }))}
      loading={query.isFetching && !query.data}
      onRow={rowTestId('baremetal', (n) => n.name ?? n.externalId)}
      scroll={{ x: 'max-content' }}
      data-testid="baremetal-table"
      columns={[
        {
          title: t('common.name'),
          key: 'name',
          render: (_, n) => n.name ?? n.externalId,
        },
        {
          title: t('baremetal.power'),
          key: 'power',
          render: (_, n) => (
            <>
              <Tag color={n.powerState === 'power on' ? 'green' : 'default'}>
                {n.powerState ?? '—'}
              </Tag>
              {n.targetPowerState && <Tag color="processing">→ {n.targetPowerState}</Tag>}
            </>
          ),
        },
        {
          title: t('baremetal.provision'),
          key: 'provision',
          render: (_, n) => (
            <>
              <Tag color={provisionColors[n.provisionState] ?? 'default'}>{n.provisionState}</Tag>
              {n.targetProvisionState && <Tag color="processing">→ {n.targetProvisionState}</Tag>}
            </>
          ),
        },
        {
          title: t('baremetal.maintenance'),
          dataIndex: 'maintenance',
          render: (m: boolean) => (m ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
        },
        {
          title: t('baremetal.resourceClass'),
          dataIndex: 'resourceClass',
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('baremetal.instance'),
          dataIndex: 'instanceExternalId',
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('baremetal.lastError'),
          dataIndex: 'lastError',
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, n) => (
            <>
              <BaremetalActions datacenterId={datacenterId} node={n} />{' '}
              <MetricsDrawerButton
                title={`${n.name ?? n.externalId} · ${t('mon.tab')}`}
                contract={getBaremetalMetrics}
                params={{ id: datacenterId, nodeId: n.externalId }}
                metrics={metricNames.host}
                testId={`baremetal-charts-${n.name ?? n.externalId}`}
              />
            </>
          ),
        },
      ]}
    />
  );
}
