'use client';

import { LoadingOutlined } from '@ant-design/icons';
import { Flex, Tag } from 'antd';
import type { Translate } from '@/i18n/i18n-provider';
import { statusLabel, taskVerbLabel } from '@/lib/labels';
import { useI18n } from '@/i18n/i18n-provider';
import type { ResourceRow } from './resource-types';

const colors: Record<string, string> = {
  ACTIVE: 'success',
  ONLINE: 'success',
  AVAILABLE: 'success',
  DOWN: 'default',
  INACTIVE: 'default',
  OFFLINE: 'default',
  NO_MONITOR: 'default',
  DISABLED: 'default',
  ERROR: 'error',
  DEGRADED: 'warning',
  BUILD: 'processing',
};

/** The cloud's words that mean "on its way somewhere". */
export const isTransitionStatus = (status: string): boolean =>
  /^(PENDING_|BUILD)/i.test(status) || status.toUpperCase() === 'CREATING';

/** "network.add-interface" → the verb's words ("Add interface"); see src/lib/labels.ts. */
export const taskActionLabel = (t: Translate, action: string): string => taskVerbLabel(t, action);

/** A cloud status as a coloured tag; while a task runs on the object, the task shows next to
 * it with a spinner (data-transition="true"). */
export function ResourceStatusTag(props: {
  status: string;
  activeTask?: ResourceRow['activeTask'];
  testId?: string;
  /** Only the running task (the status is shown elsewhere, e.g. a load balancer's two). */
  taskOnly?: boolean;
}) {
  const { t } = useI18n();
  const { status, activeTask, testId } = props;
  const moving = activeTask != null || isTransitionStatus(status);
  if (props.taskOnly)
    return (
      <span data-testid={testId} data-transition={activeTask != null ? 'true' : 'false'}>
        {activeTask && (
          <Tag color="blue" icon={<LoadingOutlined spin />}>
            {taskActionLabel(t, activeTask.action)}
          </Tag>
        )}
      </span>
    );
  return (
    <Flex gap={4} wrap>
      <Tag
        color={moving ? 'processing' : (colors[status.toUpperCase()] ?? 'default')}
        icon={moving ? <LoadingOutlined spin /> : undefined}
        data-testid={testId}
        data-status={status}
        data-transition={moving ? 'true' : 'false'}
      >
        {statusLabel(t, '', status)}
      </Tag>
      {activeTask && (
        <Tag color="blue" data-testid={testId ? `${testId}-task` : undefined}>
          {taskActionLabel(t, activeTask.action)}
        </Tag>
      )}
    </Flex>
  );
}
