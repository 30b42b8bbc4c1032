'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Task } from '@yunguan/contract';
import { getVolume, listTasks } from '@yunguan/contract';
import { Button, Card, Flex, Result, Spin, Tabs, Typography } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { LiveBadge } from '@/components/compute/live-badge';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { isApiError } from '@/lib/api-error';
import { TaskTimeline } from '@/components/tasks/task-timeline';
import { useStorageLive } from '../use-storage-live';
import type { VolumeMenuAction } from '../volumes/volume-actions';
import { useVolumeActions } from '../volumes/volume-actions';
import { VolumeActionDialog } from '../volumes/volume-action-dialogs';
import { VolumeActionMenu } from '../volumes/volume-action-menu';
import { AttachmentList, VolumeStatus } from '../volumes/volume-columns';
import { VolumeAttachments, VolumeOverview } from './volume-overview';
import { VolumeSnapshots } from './volume-snapshots';

type Tab = 'overview' | 'attachments' | 'snapshots' | 'tasks';
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

  if (query.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (isApiError(query.error) && query.error.status === 404) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('storage.notFound')}
        data-testid="volume-not-found"
        extra={
          <Link href="/console/storage/volumes">
            <Button type="primary">{t('volume.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!volume) return <ErrorAlert error={query.error} />;

  const taskList: readonly Task[] = tasks.data?.items ?? volume.recentTasks;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12}>
          <Link href="/console/storage/volumes" aria-label={t('volume.backToList')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="volume-detail-name">
            {volume.name}
          </Typography.Title>
          <VolumeStatus volume={volume} testId="volume-header-status" />
          <Typography.Text type="secondary" data-testid="volume-header-size">
            {t('storage.sizeGb', { size: volume.spec.sizeGb })}
          </Typography.Text>
          {volume.spec.attachments.length > 0 && <AttachmentList volume={volume} />}
        </Flex>
        <Flex gap={8} align="center" wrap>
          <LiveBadge connected={connected} />
          {quickActions
            .filter((a) => available.has(a))
            .map((a) => (
              <Button key={a} onClick={() => setDialog(a)} data-testid={`volume-quick-${a}`}>
                {t(`volume.action.${a}`)}
              </Button>
            ))}
          <VolumeActionMenu volume={volume} onAction={setDialog} size="middle" />
        </Flex>
      </Flex>
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
    </>
  );
}
