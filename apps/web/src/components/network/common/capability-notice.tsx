'use client';

import { Alert } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';

/** Why creating is not offered: the datacenter's cloud lacks the service. */
export function CapabilityNotice(props: { capability: string; datacenter?: string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid={`capability-missing-${props.capability}`}
      title={t('net.capabilityMissing', {
        capability: props.capability,
        datacenter: props.datacenter ?? '—',
      })}
    />
  );
}
