'use client';

import type { DeliveryStatus } from '@yunguan/contract';
import { Tag } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';

const colors: Record<DeliveryStatus, string> = {
  queued: 'default',
  sending: 'processing',
  sent: 'success',
  failed: 'warning',
  dead: 'error',
};

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[status]} data-testid={`delivery-status-${status}`}>
      {t(`notify.status.${status}`)}
    </Tag>
  );
}
