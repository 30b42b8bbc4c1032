'use client';

import { DetailLoadState } from '@/components/common/detail-shell';
import { useI18n } from '@/i18n/i18n-provider';

/** What a network detail page shows before it has its object (the shared detail shell). */
export function DetailState(props: { pending: boolean; error: unknown; back: string }) {
  const { t } = useI18n();
  return (
    <DetailLoadState
      pending={props.pending}
      error={props.error}
      back={props.back}
      backLabel={t('net.back')}
      notFound={t('net.notFound')}
      testId="net-not-found"
    />
  );
}
