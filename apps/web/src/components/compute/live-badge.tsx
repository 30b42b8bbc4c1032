'use client';

import { Badge, Tooltip } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';

/** A small "live" dot: green while the event stream is connected. */
export function LiveBadge({ connected }: { connected: boolean }) {
  const { t } = useI18n();
  return (
    <Tooltip title={connected ? undefined : t('compute.liveOff')}>
      <Badge
        status={connected ? 'processing' : 'default'}
        text={t('compute.live')}
        data-testid="live-badge"
        data-connected={connected ? 'true' : 'false'}
      />
    </Tooltip>
  );
}
