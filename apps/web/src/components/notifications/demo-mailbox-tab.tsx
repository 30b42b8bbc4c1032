'use client';

import { useQuery } from '@tanstack/react-query';
import { getDemoMailbox } from '@yunguan/contract';
import { Alert, Card, Empty, Flex, Typography } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';

/** What the demo's local SMTP server received (npm run demo), newest first. */
export function DemoMailboxTab() {
  const { t, lang } = useI18n();
  const query = useQuery({ ...queryOptionsFor(getDemoMailbox, {}), refetchInterval: 3_000 });
  const data = query.data;
  if (data && !data.enabled) return <Alert type="info" showIcon title={t('notify.mailbox.off')} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('notify.mailbox.help')}</Typography.Paragraph>
      <ErrorAlert error={query.error} />
      {data && data.messages.length === 0 && <Empty description={t('notify.mailbox.empty')} />}
      <Flex vertical gap={12} data-testid="demo-mailbox">
        {data?.messages.map((m) => (
          <Card key={m.id} size="small" title={m.subject} data-testid="demo-mail">
            <Typography.Text type="secondary">
              {t('notify.mailbox.from')}: {m.from} · {t('notify.mailbox.to')}: {m.to} ·{' '}
              {t('notify.mailbox.receivedAt')}:{' '}
              {new Date(m.receivedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
                hour12: false,
              })}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8, marginBottom: 0 }}>
              {m.text}
            </Typography.Paragraph>
          </Card>
        ))}
      </Flex>
    </>
  );
}
