'use client';

import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getLoadBalancer } from '@yunguan/contract';
import { Button, Card, Descriptions, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { DetailShell } from '@/components/common/detail-shell';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { DetailState } from '../common/detail-state';
import { ResourceStatusTag } from '../common/resource-status-tag';
import { ResourceTasks } from '../common/resource-tasks';
import { useNetworkLive } from '../common/use-network-live';
import { LbListeners, LbPools } from './lb-parts';
import type { LbPart } from './lb-part-modals';
import { LbPartModal } from './lb-part-modals';
import { LbStatusTags } from './lb-status-tags';

const back = '/console/network/load-balancers';

/** One load balancer on the detail shell: facts, listeners, pools with members and health
 * monitors, and its tasks. Changes are offered while it is ACTIVE and no task runs on it
 * (Octavia refuses them otherwise); a deleted one says so and offers none. */
export function LoadBalancerDetailPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const connected = useNetworkLive();
  const canUse = useCan('resource.use');
  const query = useQuery(queryOptionsFor(getLoadBalancer, { params: { id } }));
  const [dialog, setDialog] = useState<{ part: LbPart; poolId?: string } | null>(null);
  const lb = query.data;
  if (!lb) return <DetailState pending={query.isPending} error={query.error} back={back} />;
  const deleted = lb.deletedAt !== null;
  const editable =
    canUse && !deleted && lb.activeTask === null && lb.spec.provisioningStatus === 'ACTIVE';
  const add = (part: LbPart, poolId?: string) => setDialog({ part, poolId });

  return (
    <>
      <DetailShell
        back={back}
        backLabel={t('net.back')}
        title={lb.name || lb.externalId}
        titleTestId="lb-detail-name"
        status={
          <>
            <LbStatusTags part={lb.spec} testId="lb-detail-statuses" />
            <ResourceStatusTag
              status={lb.status}
              activeTask={lb.activeTask}
              testId="lb-detail-status"
              taskOnly
            />
          </>
        }
        meta={
          <Typography.Text type="secondary">
            {t('net.lb.vip')}: {lb.spec.vipAddress ?? '—'}
          </Typography.Text>
        }
        connected={connected}
        deleted={deleted}
      >
        {null}
      </DetailShell>
      <Card>
        <Tabs
          defaultActiveKey="listeners"
          items={[
            {
              key: 'overview',
              label: <span data-testid="lb-tab-overview">{t('net.overview')}</span>,
              children: (
                <Descriptions
                  bordered
                  size="small"
                  column={2}
                  items={[
                    { label: t('net.lb.vip'), children: lb.spec.vipAddress ?? '—' },
                    {
                      label: t('net.lb.statuses'),
                      children: <LbStatusTags part={lb.spec} testId="lb-overview-statuses" />,
                    },
                    { label: t('net.lb.listeners'), children: lb.spec.listeners.length },
                    { label: t('net.lb.pools'), children: lb.spec.pools.length },
                    {
                      label: t('common.createdAt'),
                      children: formatDateTime(lb.spec.createdAt ?? lb.firstSeenAt, lang),
                    },
                    {
                      label: t('net.externalId'),
                      children: (
                        <Typography.Text copyable data-raw-id>
                          {lb.externalId}
                        </Typography.Text>
                      ),
                    },
                    {
                      label: t('common.description'),
                      children: lb.spec.description || '—',
                      span: 2,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'listeners',
              label: <span data-testid="lb-tab-listeners">{t('net.lb.listeners')}</span>,
              children: (
                <>
                  {editable && (
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add('add-listener')}
                      style={{ marginBottom: 12 }}
                      data-testid="lb-add-listener"
                    >
                      {t('net.lb.addListener')}
                    </Button>
                  )}
                  <LbListeners lb={lb} editable={editable} />
                </>
              ),
            },
            {
              key: 'pools',
              label: <span data-testid="lb-tab-pools">{t('net.lb.pools')}</span>,
              children: (
                <>
                  {editable && (
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add('add-pool')}
                      style={{ marginBottom: 12 }}
                      data-testid="lb-add-pool"
                    >
                      {t('net.lb.addPool')}
                    </Button>
                  )}
                  <LbPools lb={lb} editable={editable} onAdd={add} />
                </>
              ),
            },
            {
              key: 'tasks',
              label: <span data-testid="lb-tab-tasks">{t('net.tasks')}</span>,
              children: <ResourceTasks resourceId={lb.id} testId="lb-task-timeline" />,
            },
          ]}
        />
      </Card>
      <LbPartModal
        lb={lb}
        part={dialog?.part ?? null}
        poolId={dialog?.poolId}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
