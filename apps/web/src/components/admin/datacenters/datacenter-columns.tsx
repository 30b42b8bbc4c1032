'use client';

import type { Datacenter } from '@yunguan/contract';
import { Button, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Translate } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import type { Lang } from '@/lib/preferences';
import { TunnelStateTag } from './tunnel-state-tag';

const byText =
  (pick: (d: Datacenter) => string | null | undefined) => (a: Datacenter, b: Datacenter) =>
    (pick(a) ?? '').localeCompare(pick(b) ?? '');

/** The datacenter list's columns (actions are appended by the page). */
export const datacenterColumns = (
  t: Translate,
  lang: Lang,
  onView: (dc: Datacenter) => void,
): TableColumnsType<Datacenter> => [
  {
    title: t('common.name'),
    dataIndex: 'name',
    fixed: 'left',
    sorter: byText((d) => d.name),
    render: (name: string, dc) => (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        onClick={() => onView(dc)}
        data-testid={`datacenter-view-${name}`}
      >
        {name}
      </Button>
    ),
  },
  { title: t('datacenters.region'), dataIndex: 'region', sorter: byText((d) => d.region) },
  {
    title: t('datacenters.kind'),
    dataIndex: 'kind',
    render: (kind: Datacenter['kind']) => t(`datacenters.kind.${kind}`),
  },
  {
    title: t('datacenters.tunnel'),
    key: 'tunnel',
    sorter: byText((d) => d.tunnel.state),
    render: (_, dc) => <TunnelStateTag datacenter={dc} />,
  },
  {
    title: t('datacenters.gateway'),
    key: 'gateway',
    render: (_, dc) => dc.tunnel.gateway ?? '—',
  },
  {
    title: t('datacenters.since'),
    key: 'since',
    render: (_, dc) => formatDateTime(dc.tunnel.since, lang),
  },
  {
    title: t('datacenters.agentVersion'),
    key: 'agentVersion',
    render: (_, dc) =>
      dc.agent ? (
        (dc.agent.version ?? '—')
      ) : (
        <Typography.Text type="secondary">{t('datacenters.noAgent')}</Typography.Text>
      ),
  },
  {
    title: t('datacenters.agentLastSeen'),
    key: 'agentLastSeen',
    render: (_, dc) => formatDateTime(dc.agent?.lastSeenAt, lang),
  },
  {
    title: t('datacenters.pendingColumn'),
    key: 'pending',
    render: (_, dc) =>
      dc.pendingEnrollmentExpiresAt ? (
        <span data-testid={`datacenter-pending-${dc.name}`}>
          {formatDateTime(dc.pendingEnrollmentExpiresAt, lang)}
        </span>
      ) : (
        '—'
      ),
  },
];
