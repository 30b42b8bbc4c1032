'use client';

import { Button, Result, Spin } from 'antd';
import Link from 'next/link';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { isApiError } from '@/lib/api-error';

/** What a detail page shows before it has its object: a spinner, a 404 or the error. */
export function DetailState(props: { pending: boolean; error: unknown; back: string }) {
  const { t } = useI18n();
  if (props.pending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (isApiError(props.error) && props.error.status === 404)
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('net.notFound')}
        data-testid="net-not-found"
        extra={
          <Link href={props.back}>
            <Button type="primary">{t('net.back')}</Button>
          </Link>
        }
      />
    );
  return <ErrorAlert error={props.error} />;
}
