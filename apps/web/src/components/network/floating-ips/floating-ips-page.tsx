'use client';

import type { FloatingIpItem } from '@yunguan/contract';
import { getFloatingIpMetrics, listFloatingIps, metricNames } from '@yunguan/contract';
import { Flex } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import { CreateButton } from '@/components/common/list-toolbar';
import { MetricPanel } from '@/components/monitoring/metric-panel';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import { ResourceListPage } from '../common/resource-list-page';
import { useCapability } from '../common/use-capability';
import { AllocateFloatingIpModal } from './allocate-floating-ip-modal';
import { FloatingIpActions } from './floating-ip-actions';
import type { FipDialog } from './floating-ip-dialogs';
import { FloatingIpDialogs } from './floating-ip-dialogs';
import { PortForwardings } from './port-forwardings';

type Spec = FloatingIpItem['spec'];

/** The project's floating IPs: allocate, associate to a server, disassociate, release, and
 * port forwardings (where the datacenter offers them). */
export function FloatingIpsPage() {
  const { t } = useI18n();
  const canUse = useCan('resource.use');
  const forwarding = useCapability('floating-ip.port-forwarding');
  const [allocating, setAllocating] = useState(false);
  const [dialog, setDialog] = useState<FipDialog | null>(null);
  return (
    <>
      <ResourceListPage<Spec>
        prefix="fip"
        title={t('net.fip.title')}
        contract={listFloatingIps}
        taskKinds={['floating-ip']}
        statuses={['ACTIVE', 'DOWN', 'ERROR']}
        toolbar={
          canUse && (
            <CreateButton onClick={() => setAllocating(true)} data-testid="fip-allocate">
              {t('net.fip.allocate')}
            </CreateButton>
          )
        }
        columns={[
          {
            title: t('net.fip.address'),
            key: 'address',
            render: (_, r) => (
              <span data-testid={`fip-address-${r.name}`}>{r.spec.floatingIpAddress}</span>
            ),
          },
          {
            title: t('net.fip.server'),
            key: 'server',
            render: (_, r) =>
              r.spec.server ? (
                <Link
                  href={`/console/compute/servers/${r.spec.server.id}`}
                  data-testid={`fip-server-${r.name}`}
                >
                  {r.spec.server.name}
                </Link>
              ) : r.spec.portExternalId ? (
                r.spec.portExternalId
              ) : (
                '—'
              ),
          },
          {
            title: t('net.fip.fixedIp'),
            key: 'fixed',
            render: (_, r) => r.spec.fixedIpAddress ?? '—',
          },
          {
            title: t('net.fip.forwardings'),
            key: 'forwardings',
            render: (_, r) => r.spec.portForwardings.length,
          },
        ]}
        actions={canUse ? (row) => <FloatingIpActions fip={row} onDialog={setDialog} /> : undefined}
        expandable={{
          // Port forwardings (where offered) and the address's traffic charts.
          expandedRowRender: (row) => (
            <Flex vertical gap={16}>
              {forwarding.offered ? <PortForwardings fip={row} onDialog={setDialog} /> : null}
              <MetricPanel
                contract={getFloatingIpMetrics}
                params={{ id: row.id }}
                metrics={metricNames.traffic}
                testId={`fip-metrics-${row.name}`}
              />
            </Flex>
          ),
        }}
      />
      <AllocateFloatingIpModal open={allocating} onClose={() => setAllocating(false)} />
      <FloatingIpDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
