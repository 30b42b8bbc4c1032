'use client';

import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  LoadingOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import type { Task, TaskStatus, TaskStep } from '@yunguan/contract';
import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey, Translate } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import { kindLabel, stepDetail, taskStatusLabel, taskVerbLabel } from '@/lib/labels';

const taskColors: Record<TaskStatus, string> = {
  held: 'warning',
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'default',
};

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

const knownSteps = new Set([
  'submit',
  'wait',
  'record',
  // The network quick start (labels in i18n/network.*.ts).
  'network',
  'subnet',
  'router',
  'gateway',
  'interface',
  'rules',
  // Images and firewall groups.
  'create',
  'upload',
  'verify',
  'ports',
]);

/** Step keys the worker uses get words; any other key is shown as is. */
const stepLabel = (t: Translate, key: string): string =>
  knownSteps.has(key) ? t(`task.step.${key}` as MessageKey) : key;

/** Seconds between two timestamps, e.g. "12.3 s". */
const duration = (from: string | null, to: string | null): string | null => {
  if (!from || !to) return null;
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Number.isFinite(ms) && ms >= 0 ? `${(ms / 1000).toFixed(1)} s` : null;
};

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useI18n();
  return (
    <Tag
      color={taskColors[status]}
      icon={
        status === 'running' ? (
          <LoadingOutlined />
        ) : status === 'cancelled' ? (
          <MinusCircleOutlined />
        ) : undefined
      }
      data-status={status}
    >
      {taskStatusLabel(t, status)}
    </Tag>
  );
}

/**
 * The one task timeline of the console (servers, storage, network, the task center).
 * One task: what was asked, by whom, its status and every step with its timestamps. */
export function TaskCard({ task }: { task: Task }) {
  const { t, lang } = useI18n();
  const took = duration(task.startedAt ?? task.createdAt, task.finishedAt);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`task-${task.id}`}
      data-action={task.action}
      data-status={task.status}
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{taskVerbLabel(t, task.action)}</Typography.Text>
          <Typography.Text type="secondary">
            {kindLabel(t, task.targetType)} {task.targetName}
          </Typography.Text>
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
          items={task.steps.map((step) => {
            const detail = stepDetail(t, lang, step, task);
            return {
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
                  {detail && <div data-testid="step-detail">{detail}</div>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(step.startedAt, lang)}
                    {step.finishedAt && ` → ${formatDateTime(step.finishedAt, lang)}`}
                    {duration(step.startedAt, step.finishedAt) &&
                      ` (${duration(step.startedAt, step.finishedAt)})`}
                  </Typography.Text>
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}

/** Tasks newest first, each with its steps. */
export function TaskTimeline({ tasks, testId }: { tasks: readonly Task[]; testId?: string }) {
  const { t } = useI18n();
  if (tasks.length === 0) return <Empty description={t('task.none')} />;
  return (
    <div data-testid={testId ?? 'task-timeline'}>
      {tasks.map((task) => (
        <TaskCard key={task.id} task={task} />
      ))}
    </div>
  );
}
