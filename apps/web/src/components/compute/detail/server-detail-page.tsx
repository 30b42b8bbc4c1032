'use client';

import { useQuery } from '@tanstack/react-query';
import type { Task } from '@yunguan/contract';
import {
  consoleCapability,
  getServer,
  getServerMetrics,
  listTasks,
  metricNames,
} from '@yunguan/contract';
import { Alert, Button, Card, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { DetailLoadState, DetailShell } from '@/components/common/detail-shell';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useDatacenterCapabilities } from '@/lib/datacenter-capabilities';
import { useLiveEvents } from '@/lib/use-events';
import { ServerStatusTag } from '../server-status-tag';
import { MetricPanel } from '@/components/monitoring/metric-panel';
import { TaskTimeline } from '@/components/tasks/task-timeline';
import { ServerActionDialog } from '../servers/server-action-dialogs';
import type { MenuAction } from '../servers/server-action-menu';
import { ServerActionMenu, useAvailableActions } from '../servers/server-action-menu';
import { ServerConsole } from './server-console';
import { ServerNetwork, ServerOverview } from './server-overview';
import { ServerVolumes } from './server-volumes';

type Tab = 'overview' | 'network' | 'volumes' | 'monitoring' | 'console' | 'tasks';
const quickActions: MenuAction[] = ['start', 'stop', 'reboot-soft'];

/** One server: overview, network, volumes, console and its live action log. */
export function ServerDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const connected = useLiveEvents();
  const [tab, setTab] = useState<Tab>('overview');
  const [dialog, setDialog] = useState<MenuAction | null>(null);
  const query = useQuery(queryOptionsFor(getServer, { params: { id } }));
  const tasks = useQuery({
    ...queryOptionsFor(listTasks, { query: { resourceId: id, pageSize: 100 } }),
    enabled: query.isSuccess,
  });
  const server = query.data;
  const available = useAvailableActions(server);
  // The console tab only where the datacenter offers consoles (shown while that is unknown).
  const capabilities = useDatacenterCapabilities(server?.datacenterId);
  const consoleOffered = !capabilities || capabilities.includes(consoleCapability);

  if (!server)
    return (
      <DetailLoadState
        pending={query.isPending}
        error={query.error}
        back="/console/compute/servers"
        backLabel={t('server.backToList')}
        notFound={t('server.notFound')}
        testId="server-not-found"
      />
    );

  const taskList: readonly Task[] = tasks.data?.items ?? server.recentTasks;
  return (
    <DetailShell
      back="/console/compute/servers"
      backLabel={t('server.backToList')}
      title={server.name}
      titleTestId="server-detail-name"
      status={
        <ServerStatusTag
          status={server.status}
          rawStatus={server.rawStatus ?? undefined}
          taskState={server.taskState}
          activeAction={server.activeTask?.action}
          testId="server-header-status"
        />
      }
      connected={connected}
      deleted={server.deletedAt !== null || server.status === 'deleted'}
      actions={
        <>
          {quickActions
            .filter((a) => available.has(a))
            .map((a) => (
              <Button key={a} onClick={() => setDialog(a)} data-testid={`server-quick-${a}`}>
                {t(`server.action.${a}`)}
              </Button>
            ))}
          <ServerActionMenu server={server} onAction={setDialog} size="middle" />
        </>
      }
    >
      <ErrorAlert error={query.error} />
      {server.status === 'verify-resize' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('server.verifyResize')}
          data-testid="server-verify-resize"
          action={
            <Flex gap={8}>
              {available.has('confirm-resize') && (
                <Button type="primary" size="small" onClick={() => setDialog('confirm-resize')}>
                  {t('server.action.confirm-resize')}
                </Button>
              )}
              {available.has('revert-resize') && (
                <Button size="small" onClick={() => setDialog('revert-resize')}>
                  {t('server.action.revert-resize')}
                </Button>
              )}
            </Flex>
          }
        />
      )}
      {server.fault && server.status === 'error' && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={server.fault.message} />
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          items={[
            {
              key: 'overview',
              label: <span data-testid="server-tab-overview">{t('server.tab.overview')}</span>,
              children: <ServerOverview server={server} />,
            },
            {
              key: 'network',
              label: <span data-testid="server-tab-network">{t('server.tab.network')}</span>,
              children: <ServerNetwork server={server} />,
            },
            {
              key: 'volumes',
              label: <span data-testid="server-tab-volumes">{t('server.tab.volumes')}</span>,
              children: tab === 'volumes' ? <ServerVolumes server={server} /> : null,
            },
            {
              key: 'monitoring',
              label: <span data-testid="server-tab-monitoring">{t('mon.tab')}</span>,
              children:
                tab === 'monitoring' ? (
                  <MetricPanel
                    contract={getServerMetrics}
                    params={{ id: server.id }}
                    metrics={metricNames.server}
                    testId="server-metrics"
                  />
                ) : null,
            },
            {
              key: 'console',
              disabled: !consoleOffered,
              label: <span data-testid="server-tab-console">{t('server.tab.console')}</span>,
              children: tab === 'console' ? <ServerConsole server={server} /> : null,
            },
            {
              key: 'tasks',
              label: <span data-testid="server-tab-tasks">{t('server.tab.tasks')}</span>,
              children: (
                <>
                  <ErrorAlert error={tasks.error} />
                  <TaskTimeline tasks={taskList} testId="server-task-timeline" />
                </>
              ),
            },
          ]}
        />
      </Card>
      <ServerActionDialog
        server={dialog ? server : null}
        action={dialog}
        onClose={() => setDialog(null)}
      />
    </DetailShell>
  );
}
