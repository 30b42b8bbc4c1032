'use client';

import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  LoadingOutlined,
} from '@ant-design/icons';
import type { Task, TaskStep } from '@yunguan/contract';
import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { TaskStatusTag } from '@/components/compute/task-timeline';
import type { MessageKey, Translate } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import { storageActionLabel } from './storage-status-tag';

const stepIcons: Record<TaskStep['status'], ReactNode> = {
  pending: <ClockCircleOutlined />,
  running: <LoadingOutlined />,
  succeeded: <CheckCircleOutlined />,
  failed: <CloseCircleOutlined />,
};
const stepColors: Record<TaskStep['status'], string> = {
  pending: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
};
const knownSteps = new Set(['submit', 'wait', 'record']);
const stepLabel = (t: Translate, key: string): string =>
  knownSteps.has(key) ? t(`task.step.${key}` as MessageKey) : key;

const seconds = (from: string | null, to: string | null): string | null => {
  if (!from || !to) return null;
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Number.isFinite(ms) && ms >= 0 ? `${(ms / 1000).toFixed(1)} s` : null;
};

/** One storage task (`volume.extend`, `volume-snapshot.create` …) with its steps. */
function StorageTaskCard({ task }: { task: Task }) {
  const { t, lang } = useI18n();
  const took = seconds(task.startedAt ?? task.createdAt, task.finishedAt);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`task-${task.id}`}
      data-action={task.action}
      data-status={task.status}
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{storageActionLabel(t, task.action)}</Typography.Text>
          <Typography.Text type="secondary">{task.targetName}</Typography.Text>
          <TaskStatusTag status={task.status} />
        </Flex>
      }
      extra={
        <Typography.Text type="secondary">
          {task.actorName} · {formatDateTime(task.createdAt, lang)}
          {took && ` · ${t('task.took', { time: took })}`}
        </Typography.Text>
      }
    >
      {task.error && (
        <Typography.Paragraph type="danger" data-testid="task-error">
          {task.error.message}
        </Typography.Paragraph>
      )}
      {task.steps.length === 0 ? (
        <Typography.Text type="secondary">{t('task.queuedHint')}</Typography.Text>
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={task.steps.map((step) => ({
            key: step.key,
            color: stepColors[step.status],
            icon: stepIcons[step.status],
            content: (
              <div data-testid={`task-step-${step.key}`} data-status={step.status}>
                <Flex gap={8} wrap>
                  <Typography.Text strong>{stepLabel(t, step.key)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t(`task.stepStatus.${step.status}`)}
                  </Typography.Text>
                </Flex>
                {step.detail && <div>{step.detail}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(step.startedAt, lang)}
                  {step.finishedAt && ` → ${formatDateTime(step.finishedAt, lang)}`}
                  {seconds(step.startedAt, step.finishedAt) &&
                    ` (${seconds(step.startedAt, step.finishedAt)})`}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** Storage tasks newest first, each with its steps (the compute timeline names server verbs). */
export function StorageTaskTimeline(props: { tasks: readonly Task[]; testId: string }) {
  const { t } = useI18n();
  if (props.tasks.length === 0) return <Empty description={t('task.none')} />;
  return (
    <div data-testid={props.testId}>
      {props.tasks.map((task) => (
        <StorageTaskCard key={task.id} task={task} />
      ))}
    </div>
  );
}
