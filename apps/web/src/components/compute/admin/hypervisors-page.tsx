'use client';

import { useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '@yunguan/contract';
import { getHypervisorMetrics, listHypervisors, metricNames } from '@yunguan/contract';
import { Progress, Tag, Tooltip } from 'antd';
import { MetricsDrawerButton } from '@/components/monitoring/metrics-drawer';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatRam } from '../catalog/catalog-format';
import { useDatacenterChoice } from '../datacenter-choice';
import { CatalogListPage } from './catalog-list-page';

type Hypervisor = ResponseOf<typeof listHypervisors>['items'][number] & { id: string };

/** Used of total as a bar; red above 90 %. */
function UsageBar(props: { used: number; total: number; label: string; testId: string }) {
  const { used, total, label } = props;
  const percent = total > 0 ? Math.round((used / total) * 100) : 0;
  return (
    <Tooltip title={label}>
      <div style={{ width: 180 }} data-testid={props.testId} data-percent={percent}>
        <Progress
          percent={percent}
          size="small"
          status={percent >= 90 ? 'exception' : 'normal'}
          format={() => label}
        />
      </div>
    </Tooltip>
  );
}

/** Compute hosts with capacity and usage (compute.admin). */
export function HypervisorsPage() {
  const { t } = useI18n();
  const choice = useDatacenterChoice();
  const id = choice.datacenterId ?? '';
  const query = useQuery({
    ...queryOptionsFor(listHypervisors, { params: { id } }),
    enabled: id !== '',
    refetchInterval: 30_000,
  });
  return (
    <CatalogListPage<Hypervisor>
      title={t('admin.hypervisors')}
      choice={choice}
      error={query.error}
      loading={query.isPending && id !== ''}
      items={query.data?.items.map((h) => ({ ...h, id: h.externalId }))}
      rowName={(h) => h.hostname}
      testId="hypervisor"
      columns={[
        {
          title: t('admin.hostname'),
          dataIndex: 'hostname',
          sorter: (a, b) => a.hostname.localeCompare(b.hostname),
        },
        {
          title: t('common.status'),
          key: 'state',
          render: (_, h) => (
            <>
              <Tag color={h.state === 'up' ? 'green' : 'red'}>{t(`admin.state.${h.state}`)}</Tag>
              <Tag color={h.status === 'enabled' ? 'blue' : 'default'}>
                {t(`admin.status.${h.status}`)}
              </Tag>
            </>
          ),
        },
        {
          title: 'vCPU',
          key: 'vcpus',
          render: (_, h) => (
            <UsageBar
              used={h.vcpusUsed}
              total={h.vcpus}
              label={`${h.vcpusUsed} / ${h.vcpus}`}
              testId={`hypervisor-vcpu-${h.hostname}`}
            />
          ),
        },
        {
          title: t('catalog.ram'),
          key: 'memory',
          render: (_, h) => (
            <UsageBar
              used={h.memoryMbUsed}
              total={h.memoryMb}
              label={`${formatRam(h.memoryMbUsed)} / ${formatRam(h.memoryMb)}`}
              testId={`hypervisor-ram-${h.hostname}`}
            />
          ),
        },
        {
          title: t('admin.localDisk'),
          key: 'disk',
          render: (_, h) => (
            <UsageBar
              used={h.localGbUsed}
              total={h.localGb}
              label={`${h.localGbUsed} / ${h.localGb} GB`}
              testId={`hypervisor-disk-${h.hostname}`}
            />
          ),
        },
        {
          title: t('admin.runningVms'),
          dataIndex: 'runningVms',
          sorter: (a, b) => a.runningVms - b.runningVms,
        },
        {
          title: t('mon.tab'),
          key: 'monitoring',
          render: (_, h) => (
            <MetricsDrawerButton
              title={`${h.hostname} · ${t('mon.tab')}`}
              contract={getHypervisorMetrics}
              params={{ id, hostname: h.hostname }}
              metrics={metricNames.host}
              testId={`hypervisor-charts-${h.hostname}`}
            />
          ),
        },
      ]}
    />
  );
}
