'use client';

import type { Overview, Task } from '@yunguan/contract';
import { Card, Empty, Flex, List, Statistic, Typography } from 'antd';
import Link from 'next/link';
import { TaskStatusTag } from '@/components/tasks/task-timeline';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import { taskActionLabel } from '@/lib/labels';
import { taskObjectHref } from '@/lib/task-links';

function TaskRows({ tasks, testId }: { tasks: readonly Task[]; testId: string }) {
  const { t, lang } = useI18n();
  if (tasks.length === 0) return <Empty description={t('task.none')} />;
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={[...tasks]}
      renderItem={(task) => {
        const href = taskObjectHref(task);
        return (
          <List.Item
            data-testid={`${testId}-${task.id}`}
            extra={href && <Link href={href}>{t('task.viewObject')}</Link>}
          >
            <Flex gap={8} align="center" wrap>
              <TaskStatusTag status={task.status} />
              <Typography.Text strong>{taskActionLabel(t, task.action)}</Typography.Text>
              <Typography.Text>{task.targetName}</Typography.Text>
              <Typography.Text type="secondary">
                {task.actorName} · {formatDateTime(task.createdAt, lang)}
              </Typography.Text>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}

/** Running and recent tasks (five of each), with counts and a way to the task center. */
export function OverviewTasks({ tasks }: { tasks: Overview['tasks'] }) {
  const { t } = useI18n();
  return (
    <Card
      title={t('overview.tasks')}
      size="small"
      data-testid="overview-tasks"
      extra={<Link href="/console/tasks">{t('overview.allTasks')}</Link>}
    >
      <Flex gap={32} style={{ marginBottom: 12 }}>
        <Statistic title={t('overview.activeTasks')} value={tasks.activeCount} />
        <Statistic
          title={t('overview.failedLastDay')}
          value={tasks.failedLastDay}
          styles={{ content: tasks.failedLastDay > 0 ? { color: '#cf1322' } : {} }}
        />
      </Flex>
      <Typography.Title level={5}>{t('overview.runningTasks')}</Typography.Title>
      <TaskRows tasks={tasks.active} testId="overview-active-tasks" />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('overview.recentTasks')}
      </Typography.Title>
      <TaskRows tasks={tasks.recent} testId="overview-recent-tasks" />
    </Card>
  );
}
