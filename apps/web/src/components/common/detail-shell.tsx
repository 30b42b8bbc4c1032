'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Result, Spin, Typography } from 'antd';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { LiveBadge } from '@/components/compute/live-badge';
import { useI18n } from '@/i18n/i18n-provider';
import { isApiError } from '@/lib/api-error';

/** What every detail page shows before it has its object: a spinner, a 404 or the error;
 * null once the object is there. */
export function DetailLoadState(props: {
  pending: boolean;
  error: unknown;
  back: string;
  backLabel: string;
  notFound: string;
  testId: string;
}): ReactNode {
  if (props.pending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (isApiError(props.error) && props.error.status === 404)
    return (
      <Result
        status="404"
        title="404"
        subTitle={props.notFound}
        data-testid={props.testId}
        extra={
          <Link href={props.back}>
            <Button type="primary">{props.backLabel}</Button>
          </Link>
        }
      />
    );
  return <ErrorAlert error={props.error} />;
}

/**
 * The one detail-page shell: back link, name, status, live badge and the page's actions. A
 * deleted object says so and leads back to its list, and offers no actions any more.
 */
export function DetailShell(props: {
  back: string;
  backLabel: string;
  title: ReactNode;
  titleTestId: string;
  status?: ReactNode;
  meta?: ReactNode;
  connected: boolean;
  actions?: ReactNode;
  deleted?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12} wrap>
          <Link href={props.back} aria-label={props.backLabel}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid={props.titleTestId}>
            {props.title}
          </Typography.Title>
          {props.status}
          {props.meta}
        </Flex>
        <Flex gap={8} align="center" wrap>
          <LiveBadge connected={props.connected} />
          {!props.deleted && props.actions}
        </Flex>
      </Flex>
      {props.deleted && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('detail.deleted')}
          data-testid="detail-deleted"
          action={
            <Link href={props.back}>
              <Button size="small" type="primary">
                {props.backLabel}
              </Button>
            </Link>
          }
        />
      )}
      {props.children}
    </>
  );
}
