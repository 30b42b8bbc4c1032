'use client';

import type { LoadBalancerItem } from '@yunguan/contract';
import { deleteLoadBalancer, listLoadBalancers } from '@yunguan/contract';
import { Tag } from 'antd';
import { useState } from 'react';
import { CreateButton } from '@/components/common/list-toolbar';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { CapabilityNotice } from '../common/capability-notice';
import { DeleteAction } from '../common/delete-action';
import { ResourceListPage } from '../common/resource-list-page';
import { useCapability } from '../common/use-capability';
import { CreateLoadBalancerModal } from './create-load-balancer-modal';
import { LbStatusTags } from './lb-status-tags';

type Spec = LoadBalancerItem['spec'];

/** The project's load balancers with both Octavia statuses live; creating only where the
 * datacenter has a load-balancer service. */
export function LoadBalancersPage() {
  const { t } = useI18n();
  const canUse = useCan('resource.use');
  const capability = useCapability('load-balancer');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <ResourceListPage<Spec>
        prefix="lb"
        title={t('net.lb.title')}
        contract={listLoadBalancers}
        taskKinds={['load-balancer']}
        detailHref={(row) => `/console/network/load-balancers/${row.id}`}
        statuses={['ACTIVE', 'PENDING_CREATE', 'PENDING_UPDATE', 'PENDING_DELETE', 'ERROR']}
        banner={
          !capability.offered && (
            <CapabilityNotice capability="load-balancer" datacenter={capability.datacenter} />
          )
        }
        toolbar={
          canUse &&
          capability.offered && (
            <CreateButton onClick={() => setCreating(true)} data-testid="lb-create">
              {t('net.lb.create')}
            </CreateButton>
          )
        }
        columns={[
          {
            title: t('net.lb.statuses'),
            key: 'statuses',
            render: (_, r) => <LbStatusTags part={r.spec} testId={`lb-statuses-${r.name}`} />,
          },
          { title: t('net.lb.vip'), key: 'vip', render: (_, r) => r.spec.vipAddress ?? '—' },
          {
            title: t('net.lb.listeners'),
            key: 'listeners',
            render: (_, r) =>
              r.spec.listeners.map((l) => (
                <Tag key={l.externalId}>
                  {l.protocol}:{l.protocolPort}
                </Tag>
              )),
          },
          { title: t('net.lb.pools'), key: 'pools', render: (_, r) => r.spec.pools.length },
        ]}
        actions={
          canUse
            ? (row) => <DeleteAction contract={deleteLoadBalancer} row={row} prefix="lb" />
            : undefined
        }
      />
      <CreateLoadBalancerModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
