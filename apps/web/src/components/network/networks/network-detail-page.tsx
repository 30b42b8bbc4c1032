'use client';

import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getNetwork } from '@yunguan/contract';
import { Button, Card, Descriptions, Tabs } from 'antd';
import { useState } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useCan } from '@/lib/me-context';
import { DetailHeader } from '../common/detail-header';
import { DetailState } from '../common/detail-state';
import { ResourceTasks } from '../common/resource-tasks';
import { useNetworkLive } from '../common/use-network-live';
import { CreateSubnetModal } from './create-subnet-modal';
import { NetworkPorts } from './network-ports';
import { NetworkSubnets } from './network-subnets';

const back = '/console/network/networks';

/** One network: facts, its subnets (create, delete), its ports and its tasks. */
export function NetworkDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const connected = useNetworkLive();
  const canUse = useCan('resource.use');
  const [creating, setCreating] = useState(false);
  const query = useQuery(queryOptionsFor(getNetwork, { params: { id } }));
  const network = query.data;
  if (!network) return <DetailState pending={query.isPending} error={query.error} back={back} />;
  const s = network.spec;
  const yesNo = (v: boolean) => (v ? t('net.yes') : t('net.no'));
  return (
    <>
      <DetailHeader
        row={network}
        back={back}
        prefix="network"
        connected={connected}
        extra={
          canUse &&
          network.owned && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              disabled={network.activeTask !== null}
              data-testid="subnet-create"
            >
              {t('net.sub.create')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          defaultActiveKey="subnets"
          items={[
            {
              key: 'overview',
              label: <span data-testid="network-tab-overview">{t('net.overview')}</span>,
              children: (
                <Descriptions
                  bordered
                  size="small"
                  column={2}
                  items={[
                    { label: t('net.externalId'), children: network.externalId },
                    { label: t('net.net.provider'), children: s.providerType ?? '—' },
                    { label: t('net.net.physicalNetwork'), children: s.physicalNetwork ?? '—' },
                    { label: t('net.net.segmentationId'), children: s.segmentationId ?? '—' },
                    { label: t('net.net.shared'), children: yesNo(s.shared) },
                    { label: t('net.net.external'), children: yesNo(s.external) },
                    { label: t('net.net.mtu'), children: s.mtu ?? '—' },
                    { label: t('net.adminStateUp'), children: yesNo(s.adminStateUp) },
                    { label: t('common.description'), children: s.description || '—', span: 2 },
                  ]}
                />
              ),
            },
            {
              key: 'subnets',
              label: <span data-testid="network-tab-subnets">{t('net.net.subnets')}</span>,
              children: <NetworkSubnets network={network} />,
            },
            {
              key: 'ports',
              label: <span data-testid="network-tab-ports">{t('net.net.ports')}</span>,
              children: <NetworkPorts network={network} />,
            },
            {
              key: 'tasks',
              label: <span data-testid="network-tab-tasks">{t('net.tasks')}</span>,
              children: <ResourceTasks resourceId={network.id} testId="network-task-timeline" />,
            },
          ]}
        />
      </Card>
      <CreateSubnetModal network={network} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
