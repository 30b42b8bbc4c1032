'use client';

import { Tabs } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { useI18n } from '@/i18n/i18n-provider';
import { useMe } from '@/lib/me-context';
import { ChannelsTab } from './channels-tab';
import { DeliveriesTab } from './deliveries-tab';
import { DemoMailboxTab } from './demo-mailbox-tab';
import { TemplatesTab } from './templates-tab';

/** 通知: channels, templates (platform admins), the delivery log and the demo mailbox. */
export function NotificationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [tab, setTab] = useState('channels');
  const items = [
    { key: 'channels', label: t('notify.tab.channels'), children: <ChannelsTab /> },
    ...(me.isPlatformAdmin
      ? [{ key: 'templates', label: t('notify.tab.templates'), children: <TemplatesTab /> }]
      : []),
    { key: 'deliveries', label: t('notify.tab.deliveries'), children: <DeliveriesTab /> },
    ...(me.isPlatformAdmin
      ? [{ key: 'mailbox', label: t('notify.tab.mailbox'), children: <DemoMailboxTab /> }]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('notify.title')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={items.map((i) => ({
          ...i,
          label: <span data-testid={`notify-tab-${i.key}`}>{i.label}</span>,
        }))}
      />
    </>
  );
}
