'use client';

import type { RouterItem } from '@yunguan/contract';
import { deleteRouter, listRouters } from '@yunguan/contract';
import { Tag } from 'antd';
import { useState } from 'react';
import { CreateButton } from '@/components/common/list-toolbar';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { DeleteAction } from '../common/delete-action';
import { ResourceListPage } from '../common/resource-list-page';
import { CreateRouterModal } from './create-router-modal';

type Spec = RouterItem['spec'];

/** The project's routers: gateway, SNAT and interfaces at a glance. */
export function RoutersPage() {
  const { t } = useI18n();
  const canUse = useCan('resource.use');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <ResourceListPage<Spec>
        prefix="router"
        title={t('net.rt.title')}
        contract={listRouters}
        taskKinds={['router']}
        detailHref={(row) => `/console/network/routers/${row.id}`}
        statuses={['ACTIVE', 'DOWN', 'ERROR']}
        toolbar={
          canUse && (
            <CreateButton onClick={() => setCreating(true)} data-testid="router-create">
              {t('net.rt.create')}
            </CreateButton>
          )
        }
        columns={[
          {
            title: t('net.rt.gateway'),
            key: 'gateway',
            render: (_, r) =>
              r.spec.externalGateway ? (
                <span data-testid={`router-gateway-${r.name}`}>
                  {r.spec.externalGateway.externalFixedIps.map((ip) => ip.ipAddress).join(', ') ||
                    r.spec.externalGateway.networkExternalId}{' '}
                  {r.spec.externalGateway.enableSnat && <Tag>SNAT</Tag>}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('net.rt.interfaces'),
            key: 'interfaces',
            render: (_, r) =>
              r.spec.interfaces.map((i) => <Tag key={i.portExternalId}>{i.ipAddress}</Tag>),
          },
        ]}
        actions={
          canUse
            ? (row) => <DeleteAction contract={deleteRouter} row={row} prefix="router" />
            : undefined
        }
      />
      <CreateRouterModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
