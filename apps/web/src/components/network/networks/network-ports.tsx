'use client';

import { useQuery } from '@tanstack/react-query';
import type { NetworkItem, PortItem } from '@yunguan/contract';
import { listPorts } from '@yunguan/contract';
import { Table } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { ResourceStatusTag } from '../common/resource-status-tag';

/** The network's ports, read live from the cloud (who owns each, its addresses). */
export function NetworkPorts({ network }: { network: NetworkItem }) {
  const { t } = useI18n();
  const { projectId } = useCurrentProject();
  const query = useQuery({
    ...queryOptionsFor(listPorts, {
      params: { projectId: projectId ?? '' },
      query: { networkId: network.id, pageSize: 200 },
    }),
    enabled: projectId !== undefined,
  });
  return (
    <>
      <ErrorAlert error={query.error} />
      <Table<PortItem>
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={query.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="port-table"
        columns={[
          { title: t('common.name'), key: 'name', render: (_, p) => p.name || p.externalId },
          {
            title: t('common.status'),
            key: 'status',
            render: (_, p) => <ResourceStatusTag status={p.status} activeTask={p.activeTask} />,
          },
          { title: 'MAC', key: 'mac', render: (_, p) => p.spec.macAddress },
          {
            title: t('net.rt.ip'),
            key: 'ips',
            render: (_, p) => p.spec.fixedIps.map((ip) => ip.ipAddress).join(', ') || '—',
          },
          { title: 'device_owner', key: 'owner', render: (_, p) => p.spec.deviceOwner || '—' },
        ]}
      />
    </>
  );
}
