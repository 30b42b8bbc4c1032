'use client';

import type { NetworkItem, SubnetItem } from '@yunguan/contract';
import { deleteSubnet } from '@yunguan/contract';
import { Empty, Table, Tag } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { rowTestId } from '@/components/common/row-props';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { DeleteAction } from '../common/delete-action';
import { ResourceStatusTag } from '../common/resource-status-tag';
import { useProjectSubnets } from '../common/use-network-options';

/** The network's subnets (the project's mirror), live. */
export function NetworkSubnets({ network }: { network: NetworkItem }) {
  const { t } = useI18n();
  const canUse = useCan('resource.use');
  const subnets = useProjectSubnets();
  const rows = subnets.items.filter((s) => s.spec.networkExternalId === network.externalId);
  return (
    <>
      <ErrorAlert error={subnets.query.error} />
      <Table<SubnetItem>
        rowKey="id"
        size="small"
        pagination={false}
        loading={subnets.query.isPending}
        dataSource={rows}
        onRow={rowTestId('subnet', (r) => r.name)}
        data-testid="subnet-table"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('net.net.noSubnets')} /> }}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          {
            title: t('common.status'),
            key: 'status',
            render: (_, r) => (
              <ResourceStatusTag
                status={r.status}
                activeTask={r.activeTask}
                testId={`subnet-status-${r.name}`}
              />
            ),
          },
          {
            title: t('net.sub.cidr'),
            key: 'cidr',
            render: (_, r) => <span data-testid={`subnet-cidr-${r.name}`}>{r.spec.cidr}</span>,
          },
          {
            title: t('net.sub.gateway'),
            key: 'gateway',
            render: (_, r) => r.spec.gatewayIp ?? t('net.sub.gatewayNone'),
          },
          {
            title: t('net.sub.dhcp'),
            key: 'dhcp',
            render: (_, r) => (r.spec.enableDhcp ? t('net.yes') : t('net.no')),
          },
          {
            title: t('net.sub.dns'),
            key: 'dns',
            render: (_, r) => r.spec.dnsNameservers.map((d) => <Tag key={d}>{d}</Tag>),
          },
          {
            title: t('net.sub.pools'),
            key: 'pools',
            render: (_, r) =>
              r.spec.allocationPools.map((p) => <div key={p.start}>{`${p.start} – ${p.end}`}</div>),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) =>
              canUse && <DeleteAction contract={deleteSubnet} row={r} prefix="subnet" />,
          },
        ]}
      />
    </>
  );
}
