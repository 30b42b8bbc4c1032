'use client';

import { useQuery } from '@tanstack/react-query';
import type { StoragePool } from '@yunguan/contract';
import { listStoragePools } from '@yunguan/contract';
import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { CatalogListPage } from '@/components/compute/admin/catalog-list-page';
import { useDatacenterChoice } from '@/components/compute/datacenter-choice';
import type { Translate } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';

type Row = StoragePool & { id: string };

const gb = (value: number) => (Number.isInteger(value) ? `${value}` : value.toFixed(1));

/** A share of the pool's total as a bar; red from 90 %. Unknown capacities say so. */
function CapacityBar(props: {
  part: number | null;
  total: number | null;
  label: string;
  testId: string;
  t: Translate;
}) {
  const { part, total, t } = props;
  if (part === null || total === null || total <= 0) {
    return <Typography.Text type="secondary">{t('pool.unknown')}</Typography.Text>;
  }
  const percent = Math.min(100, Math.round((part / total) * 100));
  return (
    <Tooltip title={props.label}>
      <div style={{ width: 200 }} data-testid={props.testId} data-percent={percent}>
        <Progress
          percent={percent}
          size="small"
          status={percent >= 90 ? 'exception' : 'normal'}
          format={() => `${gb(part)} / ${gb(total)} GB`}
        />
      </div>
    </Tooltip>
  );
}

const used = (p: StoragePool): number | null =>
  p.totalCapacityGb !== null && p.freeCapacityGb !== null
    ? p.totalCapacityGb - p.freeCapacityGb
    : null;

/** Cinder's backend pools with total, free and allocated capacity (compute.admin). */
export function StoragePoolsPage() {
  const { t, lang } = useI18n();
  const choice = useDatacenterChoice();
  const id = choice.datacenterId ?? '';
  const query = useQuery({
    ...queryOptionsFor(listStoragePools, { params: { id } }),
    enabled: id !== '',
    refetchInterval: 60_000,
  });
  const pools = query.data?.items ?? [];
  const sum = (pick: (p: StoragePool) => number | null) =>
    pools.reduce((all, p) => all + (pick(p) ?? 0), 0);
  return (
    <CatalogListPage<Row>
      title={t('storage.admin.pools')}
      choice={choice}
      error={query.error}
      loading={query.isPending && id !== ''}
      items={query.data?.items.map((p) => ({ ...p, id: p.name }))}
      rowName={(p) => p.name}
      testId="pool"
      extra={
        pools.length > 0 && (
          <Typography.Text type="secondary" data-testid="pool-summary">
            {t('pool.summary', {
              count: pools.length,
              total: gb(sum((p) => p.totalCapacityGb)),
              free: gb(sum((p) => p.freeCapacityGb)),
            })}
          </Typography.Text>
        )
      }
      columns={[
        {
          title: t('common.name'),
          dataIndex: 'name',
          sorter: (a, b) => a.name.localeCompare(b.name),
          render: (name: string, p) => (
            <Flex vertical>
              <Typography.Text strong>{name}</Typography.Text>
              {p.volumeBackendName && (
                <span>
                  <Tag color="gold">{p.volumeBackendName}</Tag>
                </span>
              )}
            </Flex>
          ),
        },
        {
          title: t('pool.capacity'),
          key: 'used',
          render: (_, p) => (
            <CapacityBar
              t={t}
              part={used(p)}
              total={p.totalCapacityGb}
              label={t('pool.usage', {
                used: gb(used(p) ?? 0),
                total: gb(p.totalCapacityGb ?? 0),
              })}
              testId={`pool-used-${p.name}`}
            />
          ),
        },
        {
          title: t('pool.allocated'),
          key: 'allocated',
          render: (_, p) => (
            <CapacityBar
              t={t}
              part={p.allocatedCapacityGb}
              total={p.totalCapacityGb}
              label={`${t('pool.allocated')} ${gb(p.allocatedCapacityGb ?? 0)} GB`}
              testId={`pool-allocated-${p.name}`}
            />
          ),
        },
        {
          title: t('pool.free'),
          key: 'free',
          sorter: (a, b) => (a.freeCapacityGb ?? 0) - (b.freeCapacityGb ?? 0),
          render: (_, p) => (p.freeCapacityGb === null ? '—' : `${gb(p.freeCapacityGb)} GB`),
        },
        {
          title: t('pool.protocol'),
          key: 'protocol',
          render: (_, p) => [p.storageProtocol, p.vendorName].filter(Boolean).join(' · ') || '—',
        },
        {
          title: t('pool.thin'),
          dataIndex: 'thinProvisioning',
          render: (thin: boolean) => (thin ? t('common.yes') : t('common.no')),
        },
        {
          title: t('pool.updatedAt'),
          dataIndex: 'updatedAt',
          render: (at: string | null) => formatDateTime(at, lang),
        },
      ]}
    />
  );
}
