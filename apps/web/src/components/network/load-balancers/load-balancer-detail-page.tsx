'use client';

import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getLoadBalancer, listTasks } from '@yunguan/contract';
import { Button, Card, Flex, Spin, Tabs, Typography } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { LiveBadge } from '@/components/compute/live-badge';
import { TaskTimeline } from '@/components/tasks/task-timeline';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useCan } from '@/lib/me-context';
import { ResourceStatusTag } from '../common/resource-status-tag';
import { useNetworkLive } from '../common/use-network-live';
import { LbListeners, LbPools } from './lb-parts';
import type { LbPart } from './lb-part-modals';
import { LbPartModal } from './lb-part-modals';
import { LbStatusTags } from './lb-status-tags';

/** One load balancer: listeners, pools with members and health monitors, and its tasks. Changes
 * are offered while it is ACTIVE and no task runs on it (Octavia refuses them otherwise). */
export function LoadBalancerDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const connected = useNetworkLive();
  const canUse = useCan('resource.use');
  const query = useQuery(queryOptionsFor(getLoadBalancer, { params: { id } }));
  const tasks = useQuery({
    ...queryOptionsFor(listTasks, { query: { resourceId: id, pageSize: 50 } }),
    enabled: query.isSuccess,
  });
  const [dialog, setDialog] = useState<{ part: LbPart; poolId?: string } | null>(null);
  const lb = query.data;
  if (query.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!lb) return <ErrorAlert error={query.error} />;
  const editable = canUse && lb.activeTask === null && lb.spec.provisioningStatus === 'ACTIVE';
  const add = (part: LbPart, poolId?: string) => setDialog({ part, poolId });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12}>
          <Link href="/console/network/load-balancers" aria-label={t('net.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="lb-detail-name">
            {lb.name}
          </Typography.Title>
          <LbStatusTags part={lb.spec} testId="lb-detail-statuses" />
          <ResourceStatusTag
            status={lb.status}
            activeTask={lb.activeTask}
            testId="lb-detail-status"
            taskOnly
          />
        </Flex>
        <Flex gap={8} align="center">
          <LiveBadge connected={connected} />
          <Typography.Text type="secondary">
            {t('net.lb.vip')}: {lb.spec.vipAddress ?? '—'}
          </Typography.Text>
        </Flex>
      </Flex>
      <ErrorAlert error={query.error} />
      <Card>
        <Tabs
          items={[
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
              children: <TaskTimeline tasks={tasks.data?.items ?? []} testId="lb-task-timeline" />,
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
