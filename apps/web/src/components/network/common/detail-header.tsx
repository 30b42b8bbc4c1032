'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { LiveBadge } from '@/components/compute/live-badge';
import { useI18n } from '@/i18n/i18n-provider';
import { ResourceStatusTag } from './resource-status-tag';
import type { ResourceRow } from './resource-types';

/** Back link, name, live status (with the running task) and the page's buttons. */
export function DetailHeader(props: {
  row: ResourceRow;
  back: string;
  prefix: string;
  connected: boolean;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const { row, prefix } = props;
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Flex align="center" gap={12}>
        <Link href={props.back} aria-label={t('net.back')}>
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid={`${prefix}-detail-name`}>
          {row.name || row.externalId}
        </Typography.Title>
        <ResourceStatusTag
          status={row.status}
          activeTask={row.activeTask}
          testId={`${prefix}-detail-status`}
        />
      </Flex>
      <Flex gap={8} align="center" wrap>
        <LiveBadge connected={props.connected} />
        {props.extra}
      </Flex>
    </Flex>
  );
}
