'use client';

import { LoadingOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { MessageKey, Translate } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';
import { taskVerbLabel } from '@/lib/labels';

/** Cinder's status words (volumes, snapshots, backups) the console names. */
export const storageStatuses = [
  'creating',
  'available',
  'reserved',
  'attaching',
  'in-use',
  'detaching',
  'extending',
  'maintenance',
  'backing-up',
  'restoring-backup',
  'restoring',
  'downloading',
  'uploading',
  'retyping',
  'deleting',
  'deleted',
  'error',
  'error_deleting',
  'error_extending',
  'error_restoring',
  'error_backing-up',
  'awaiting-transfer',
] as const;

/** Statuses on the way somewhere: shown with a spinner. */
const transitions: ReadonlySet<string> = new Set([
  'creating',
  'reserved',
  'attaching',
  'detaching',
  'extending',
  'backing-up',
  'restoring-backup',
  'restoring',
  'downloading',
  'uploading',
  'retyping',
  'deleting',
]);

const colors: Record<string, string> = {
  available: 'success',
  'in-use': 'blue',
  maintenance: 'warning',
  deleting: 'volcano',
  deleted: 'default',
  'awaiting-transfer': 'gold',
};

const known = new Set<string>(storageStatuses);

export const storageStatusLabel = (t: Translate, status: string): string =>
  known.has(status) ? t(`storage.status.${status}` as MessageKey) : status;

/** The label of a task action such as `volume.extend` (see src/lib/labels.ts). */
export const storageActionLabel = (t: Translate, action: string): string =>
  taskVerbLabel(t, action);

export const isStorageTransition = (status: string): boolean => transitions.has(status);

/** A volume's, snapshot's or backup's status as a coloured tag; while a task of the portal
 * runs on it (or the cloud reports a transition state) it spins and names what is going on. */
export function StorageStatusTag(props: {
  status: string;
  activeTask?: { action: string } | null;
  testId?: string;
}) {
  const { status, activeTask, testId } = props;
  const { t } = useI18n();
  const moving = isStorageTransition(status) || Boolean(activeTask);
  const color = status.startsWith('error')
    ? 'error'
    : moving
      ? 'processing'
      : (colors[status] ?? 'default');
  const tag = (
    <Tag
      color={color}
      icon={moving ? <LoadingOutlined spin /> : undefined}
      data-testid={testId}
      data-status={status}
      data-transition={moving ? 'true' : 'false'}
      data-task={activeTask?.action}
    >
      {storageStatusLabel(t, status)}
    </Tag>
  );
  return activeTask ? (
    <Tooltip title={t('storage.busy', { action: storageActionLabel(t, activeTask.action) })}>
      {tag}
    </Tooltip>
  ) : (
    tag
  );
}
