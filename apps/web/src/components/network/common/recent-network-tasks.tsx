'use client';

import { useQuery } from '@tanstack/react-query';
import type { Task } from '@yunguan/contract';
import { finishedTaskStatuses, listTasks } from '@yunguan/contract';
import { Card, Flex, List, Typography } from 'antd';
import { TaskStatusTag } from '@/components/tasks/task-timeline';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { formatDateTime } from '@/lib/format';
import { stepDetail, taskActionLabel } from '@/lib/labels';
import { taskObjectHref } from '@/lib/task-links';
import Link from 'next/link';
import { RECENT_TASK_ROWS } from '@/components/compute/servers/recent-tasks';

const RECENT_MS = 5 * 60_000;
const isRecent = (task: Task, now: number) =>
  !finishedTaskStatuses.includes(task.status) ||
  (task.finishedAt !== null && now - new Date(task.finishedAt).getTime() < RECENT_MS);

/** The project's running and just-finished tasks on objects of these kinds, live: a create
 * shows here (with its current step) before its row exists, and says why when it failed. */
export function RecentNetworkTasks({
  kinds,
  prefix,
}: {
  kinds: readonly string[];
  prefix: string;
}) {
  const { t, lang } = useI18n();
  const { projectId } = useCurrentProject();
  const query = useQuery({
    ...queryOptionsFor(listTasks, { query: { projectId: projectId ?? '', pageSize: 30 } }),
    enabled: projectId !== undefined,
    refetchInterval: 30_000,
  });
  const tasks = (query.data?.items ?? []).filter(
    (task) => kinds.includes(task.targetType) && isRecent(task, query.dataUpdatedAt),
  );
  if (tasks.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('net.recentTasks')}
      style={{ marginBottom: 16 }}
      data-testid={`${prefix}-recent-tasks`}
    >
      <List
        size="small"
        dataSource={tasks.slice(0, RECENT_TASK_ROWS)}
        renderItem={(task) => {
          const step = [...task.steps].reverse().find((s) => s.status !== 'pending');
          const detail = step ? stepDetail(t, lang, step) : null;
          const href = taskObjectHref(task);
          return (
            <List.Item
              data-testid={`recent-task-${task.targetName}`}
              data-status={task.status}
              extra={href && <Link href={href}>{t('task.viewObject')}</Link>}
            >
              <Flex gap={8} align="center" wrap>
                <TaskStatusTag status={task.status} />
                <Typography.Text strong>{taskActionLabel(t, task.action)}</Typography.Text>
                <Typography.Text>{task.targetName}</Typography.Text>
                {detail && !task.error && (
                  <Typography.Text type="secondary" data-testid="recent-task-detail">
                    {detail}
                  </Typography.Text>
                )}
                {task.error && (
                  <Typography.Text type="danger" data-testid="recent-task-error">
                    {task.error.message}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary">
                  {formatDateTime(task.createdAt, lang)}
                </Typography.Text>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
