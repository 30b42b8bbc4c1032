'use client';

import { LoadingOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';

const provisioningColors: Record<string, string> = { ACTIVE: 'success', ERROR: 'error' };
const operatingColors: Record<string, string> = {
  ONLINE: 'success',
  OFFLINE: 'default',
  DEGRADED: 'warning',
  ERROR: 'error',
  DRAINING: 'warning',
  NO_MONITOR: 'default',
};

/** Octavia's provisioning status (PENDING_* spins) and operating status, side by side. */
export function LbStatusTags(props: {
  part: { provisioningStatus: string; operatingStatus: string };
  testId?: string;
}) {
  const { t } = useI18n();
  const { provisioningStatus: prov, operatingStatus: op } = props.part;
  const pending = prov.startsWith('PENDING_');
  return (
    <Flex gap={4} data-testid={props.testId}>
      <Tooltip title={t('net.lb.provisioning')}>
        <Tag
          color={pending ? 'processing' : (provisioningColors[prov] ?? 'default')}
          icon={pending ? <LoadingOutlined spin /> : undefined}
          data-status={prov}
          data-kind="provisioning"
        >
          {prov}
        </Tag>
      </Tooltip>
      <Tooltip title={t('net.lb.operating')}>
        <Tag color={operatingColors[op] ?? 'default'} data-status={op} data-kind="operating">
          {op}
        </Tag>
      </Tooltip>
    </Flex>
  );
}
