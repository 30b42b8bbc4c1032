'use client';

import type { Datacenter } from '@yunguan/contract';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';

const colors = { online: 'green', degraded: 'orange' } as const;

/** Tunnel state as a coloured tag with the probe latency; the reason shows on hover.
 * Offline is red once an agent has enrolled (it should be up), grey before that. */
export function TunnelStateTag(props: { datacenter: Datacenter; testId?: string }) {
  const { datacenter, testId } = props;
  const { t } = useI18n();
  const { state, latencyMs, reason } = datacenter.tunnel;
  const enrolled = datacenter.agent !== null && datacenter.agent.revokedAt === null;
  const color = state === 'offline' ? (enrolled ? 'red' : 'default') : colors[state];
  const latency = state !== 'offline' && latencyMs !== null ? ` · ${Math.round(latencyMs)} ms` : '';
  const tag = (
    <Tag
      color={color}
      data-testid={testId ?? `datacenter-state-${datacenter.name}`}
      data-state={state}
    >
      {t(`datacenters.state.${state}`)}
      {latency}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
