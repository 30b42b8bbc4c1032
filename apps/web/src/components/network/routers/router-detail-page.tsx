'use client';

import { useQuery } from '@tanstack/react-query';
import { getRouter, getRouterMetrics, metricNames } from '@yunguan/contract';
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { MetricPanel } from '@/components/monitoring/metric-panel';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { DetailHeader } from '../common/detail-header';
import { DetailState } from '../common/detail-state';
import { ResourceTasks } from '../common/resource-tasks';
import { useNetworkLive } from '../common/use-network-live';
import { RouterGateway } from './router-gateway';
import { RouterInterfaces } from './router-interfaces';

const back = '/console/network/routers';

/** One router: its external gateway (set, clear), its interfaces (add, remove) and its tasks. */
export function RouterDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const connected = useNetworkLive();
  const [tab, setTab] = useState('interfaces');
  const query = useQuery(queryOptionsFor(getRouter, { params: { id } }));
  const router = query.data;
  if (!router) return <DetailState pending={query.isPending} error={query.error} back={back} />;
  return (
    <>
      <DetailHeader row={router} back={back} prefix="router" connected={connected} />
      <RouterGateway router={router} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'interfaces',
              label: <span data-testid="router-tab-interfaces">{t('net.rt.interfaces')}</span>,
              children: <RouterInterfaces router={router} />,
            },
            {
              key: 'monitoring',
              label: <span data-testid="router-tab-monitoring">{t('mon.tab')}</span>,
              children:
                tab === 'monitoring' ? (
                  <MetricPanel
                    contract={getRouterMetrics}
                    params={{ id: router.id }}
                    metrics={metricNames.traffic}
                    testId="router-metrics"
                  />
                ) : null,
            },
            {
              key: 'tasks',
              label: <span data-testid="router-tab-tasks">{t('net.tasks')}</span>,
              children: <ResourceTasks resourceId={router.id} testId="router-task-timeline" />,
            },
          ]}
        />
      </Card>
    </>
  );
}
