'use client';

import { useQuery } from '@tanstack/react-query';
import type { Task } from '@yunguan/contract';
import { getVolume, getVolumeMetrics, listTasks, metricNames } from '@yunguan/contract';
import { Button, Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { DetailLoadState, DetailShell } from '@/components/common/detail-shell';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { MetricPanel } from '@/components/monitoring/metric-panel';
import { TaskTimeline } from '@/components/tasks/task-timeline';
import { useStorageLive } from '../use-storage-live';
import type { VolumeMenuAction } from '../volumes/volume-actions';
import { useVolumeActions } from '../volumes/volume-actions';
import { VolumeActionDialog } from '../volumes/volume-action-dialogs';
import { VolumeActionMenu } from '../volumes/volume-action-menu';
import { AttachmentList, VolumeStatus } from '../volumes/volume-columns';
import { VolumeAttachments, VolumeOverview } from './volume-overview';
import { VolumeSnapshots } from './volume-snapshots';

type Tab = 'overview' | 'attachments' | 'snapshots' | 'monitoring' | 'tasks';
const quickActions: VolumeMenuAction[] = ['extend', 'attach', 'detach', 'snapshot'];

/** One volume: overview, attachments, its snapshots and the live log of its tasks. */
export function VolumeDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const connected = useStorageLive();
  const [tab, setTab] = useState<Tab>('overview');
  const [dialog, setDialog] = useState<VolumeMenuAction | null>(null);
  const query = useQuery(queryOptionsFor(getVolume, { params: { id } }));
  const tasks = useQuery({
    ...queryOptionsFor(listTasks, { query: { resourceId: id, pageSize: 100 } }),
    enabled: query.isSuccess,
  });
  const volume = query.data;
  const available = useVolumeActions(volume);

  if (!volume)
    return (
      <DetailLoadState
        pending={query.isPending}
        error={query.error}
        back="/console/storage/volumes"
        backLabel={t('volume.backToList')}
        notFound={t('storage.notFound')}
        testId="volume-not-found"
      />
    );

  const taskList: readonly Task[] = tasks.data?.items ?? volume.recentTasks;
  return (
    <DetailShell
      back="/console/storage/volumes"
      backLabel={t('volume.backToList')}
      title={volume.name}
      titleTestId="volume-detail-name"
      status={<VolumeStatus volume={volume} testId="volume-header-status" />}
      meta={
        <>
          <Typography.Text type="secondary" data-testid="volume-header-size">
            {t('storage.sizeGb', { size: volume.spec.sizeGb })}
          </Typography.Text>
          {volume.spec.attachments.length > 0 && <AttachmentList volume={volume} />}
        </>
      }
      connected={connected}
      deleted={volume.deletedAt !== null || volume.status === 'deleted'}
      actions={
        <>
          {quickActions
            .filter((a) => available.has(a))
            .map((a) => (
              <Button key={a} onClick={() => setDialog(a)} data-testid={`volume-quick-${a}`}>
                {t(`volume.action.${a}`)}
              </Button>
            ))}
          <VolumeActionMenu volume={volume} onAction={setDialog} size="middle" />
        </>
      }
    >
      <ErrorAlert error={query.error} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          items={[
            {
              key: 'overview',
              label: <span data-testid="volume-tab-overview">{t('volume.tab.overview')}</span>,
              children: <VolumeOverview volume={volume} />,
            },
            {
              key: 'attachments',
              label: (
                <span data-testid="volume-tab-attachments">{t('volume.tab.attachments')}</span>
              ),
              children: <VolumeAttachments volume={volume} />,
            },
            {
              key: 'snapshots',
              label: <span data-testid="volume-tab-snapshots">{t('volume.tab.snapshots')}</span>,
              children: tab === 'snapshots' ? <VolumeSnapshots volume={volume} /> : null,
            },
            {
              key: 'monitoring',
              label: <span data-testid="volume-tab-monitoring">{t('mon.tab')}</span>,
              children:
                tab === 'monitoring' ? (
                  <MetricPanel
                    contract={getVolumeMetrics}
                    params={{ id: volume.id }}
                    metrics={metricNames.volume}
                    testId="volume-metrics"
                  />
                ) : null,
            },
            {
              key: 'tasks',
              label: <span data-testid="volume-tab-tasks">{t('volume.tab.tasks')}</span>,
              children: (
                <>
                  <ErrorAlert error={tasks.error} />
                  <TaskTimeline tasks={taskList} testId="volume-task-timeline" />
                </>
              ),
            },
          ]}
        />
      </Card>
      <VolumeActionDialog
        dialog={dialog ? { volume, action: dialog } : null}
        onClose={() => setDialog(null)}
      />
    </DetailShell>
  );
}
