'use client';

import { LoadingOutlined } from '@ant-design/icons';
import { serverStatuses } from '@yunguan/contract';
import { Tag, Tooltip } from 'antd';
import type { MessageKey } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';

/** Every status the portal maps a cloud's server status to (one list, in the contract). */
export const serverStatusList = serverStatuses;

/** Statuses a server passes through on its way somewhere: shown with a spinner. */
export const transitionStatuses: ReadonlySet<string> = new Set([
  'building',
  'rebooting',
  'resizing',
  'reverting-resize',
  'migrating',
  'rebuilding',
  'deleting',
]);

const colors: Record<string, string> = {
  building: 'processing',
  active: 'success',
  stopped: 'default',
  paused: 'warning',
  suspended: 'warning',
  shelved: 'default',
  rebooting: 'processing',
  resizing: 'processing',
  'verify-resize': 'gold',
  'reverting-resize': 'processing',
  migrating: 'processing',
  rebuilding: 'processing',
  deleting: 'volcano',
  deleted: 'default',
  error: 'error',
  unknown: 'default',
};

const known = new Set<string>(serverStatusList);

/** Whether a server is on its way somewhere (status or a pending cloud task state). */
export const isTransitioning = (status: string, taskState?: string | null): boolean =>
  transitionStatuses.has(status) || Boolean(taskState);

export const serverStatusLabel = (t: (key: MessageKey) => string, status: string): string =>
  known.has(status) ? t(`server.status.${status}` as MessageKey) : status;

/** The transitional words shown while a task of the portal runs on a server. */
const busyActions = new Set([
  'start',
  'stop',
  'reboot',
  'delete',
  'resize',
  'rebuild',
  'migrate',
  'live-migrate',
  'suspend',
  'resume',
  'pause',
  'unpause',
  'snapshot',
]);

/** A server's status as a coloured tag; transition states spin. While a task of the portal runs
 * on it, the tag names what is going on (关机中, 重启中 …) before the cloud reports it. The
 * cloud's own words (`rawStatus`, `taskState`) show on hover for operators. */
export function ServerStatusTag(props: {
  status: string;
  rawStatus?: string;
  taskState?: string | null;
  locked?: boolean;
  /** The action of the portal task running on the server (e.g. `server.stop`). */
  activeAction?: string | null;
  testId?: string;
}) {
  const { status, rawStatus, taskState, testId } = props;
  const { t } = useI18n();
  const verb = props.activeAction?.startsWith('server.')
    ? props.activeAction.slice('server.'.length)
    : null;
  const busy = verb && busyActions.has(verb) ? verb : null;
  const moving = isTransitioning(status, taskState) || busy !== null;
  const tag = (
    <Tag
      color={busy ? 'processing' : (colors[status] ?? 'default')}
      icon={moving ? <LoadingOutlined spin /> : undefined}
      data-testid={testId}
      data-status={status}
      data-transition={moving ? 'true' : 'false'}
      data-busy={busy ?? undefined}
    >
      {busy ? t(`server.busy.${busy}` as MessageKey) : serverStatusLabel(t, status)}
    </Tag>
  );
  const raw = [rawStatus, taskState].filter(Boolean).join(' / ');
  return raw ? <Tooltip title={raw}>{tag}</Tooltip> : tag;
}
