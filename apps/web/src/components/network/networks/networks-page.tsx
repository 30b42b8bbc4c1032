'use client';

import { ThunderboltOutlined } from '@ant-design/icons';
import type { NetworkItem } from '@yunguan/contract';
import { deleteNetwork, listProjectNetworks } from '@yunguan/contract';
import { Button, Space, Tag } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { CreateButton } from '@/components/common/list-toolbar';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { DeleteAction } from '../common/delete-action';
import { ResourceListPage } from '../common/resource-list-page';
import { CreateNetworkModal } from './create-network-modal';

type Spec = NetworkItem['spec'];

/** The project's networks; subnets live inside each network's page. */
export function NetworksPage() {
  const { t } = useI18n();
  const router = useRouter();
  const canUse = useCan('resource.use');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <ResourceListPage<Spec>
        prefix="network"
        title={t('net.net.title')}
        contract={listProjectNetworks}
        taskKinds={['network', 'subnet']}
        detailHref={(row) => `/console/network/networks/${row.id}`}
        statuses={['ACTIVE', 'BUILD', 'DOWN', 'ERROR']}
        datacenterScoped
        toolbar={
          canUse && (
            <>
              <Button
                icon={<ThunderboltOutlined />}
                onClick={() => router.push('/console/network/quick-start')}
                data-testid="network-quick-start"
              >
                {t('net.net.quickStart')}
              </Button>
              <CreateButton onClick={() => setCreating(true)} data-testid="network-create">
                {t('net.net.create')}
              </CreateButton>
            </>
          )
        }
        columns={[
          {
            title: t('net.net.owned'),
            key: 'owned',
            render: (_, r) =>
              (r as NetworkItem).owned ? t('net.net.ownedYes') : t('net.net.ownedNo'),
          },
          {
            title: t('net.net.subnets'),
            key: 'subnets',
            render: (_, r) => r.spec.subnetExternalIds.length,
          },
          {
            title: t('net.net.provider'),
            key: 'provider',
            render: (_, r) => (
              <Space size={4}>
                {r.spec.providerType ?? '—'}
                {r.spec.external && <Tag color="purple">{t('net.net.external')}</Tag>}
                {r.spec.shared && <Tag color="cyan">{t('net.net.shared')}</Tag>}
              </Space>
            ),
          },
          { title: t('net.net.mtu'), key: 'mtu', render: (_, r) => r.spec.mtu ?? '—' },
        ]}
        actions={
          canUse
            ? (row) =>
                (row as NetworkItem).owned && (
                  <DeleteAction contract={deleteNetwork} row={row} prefix="network" />
                )
            : undefined
        }
      />
      <CreateNetworkModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
