'use client';

import type { Task } from '@yunguan/contract';
import { finishedTaskStatuses } from '@yunguan/contract';
import { Card, Flex, List, Typography } from 'antd';
import Link from 'next/link';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import { stepDetail, taskActionLabel } from '@/lib/labels';
import { taskObjectHref } from '@/lib/task-links';
import { TaskStatusTag } from '@/components/tasks/task-timeline';

/** Tasks shown: unfinished ones, and ones that finished in the last few minutes. */
const RECENT_MS = 5 * 60_000;
const isRecent = (task: Task, now: number) =>
  !finishedTaskStatuses.includes(task.status) ||
  (task.finishedAt !== null && now - new Date(task.finishedAt).getTime() < RECENT_MS);

/** At most this many rows: the panel sits above the table and must not push it away. */
export const RECENT_TASK_ROWS = 5;

/** The project's running and just-finished tasks above the list, live through the event
 * stream: what was just submitted, its current step, and the reason when it failed. Each row
 * links to its object (a server, a volume …), or to the object's list once it is deleted. */
export function RecentTasks(props: { tasks: readonly Task[]; updatedAt: number }) {
  const { t, lang } = useI18n();
  const tasks = props.tasks
    .filter((task) => isRecent(task, props.updatedAt))
    .slice(0, RECENT_TASK_ROWS);
  if (tasks.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('task.recent')}
      style={{ marginBottom: 16 }}
      data-testid="recent-tasks"
    >
      <List
        size="small"
        dataSource={tasks}
        renderItem={(task) => {
          const href = taskObjectHref(task);
          const step = [...task.steps].reverse().find((s) => s.status !== 'pending');
          const detail = step ? stepDetail(t, lang, step) : null;
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
