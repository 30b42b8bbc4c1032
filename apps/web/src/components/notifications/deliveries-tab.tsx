'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Delivery, DeliveryStatus } from '@yunguan/contract';
import { deliveryStatuses, getDelivery, listDeliveries } from '@yunguan/contract';
import { eventTypes } from '@yunguan/notifications/templates';
import { Descriptions, Drawer, Flex, Select, Table, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { SearchBox } from '@/components/common/list-toolbar';
import { useListState } from '@/components/common/use-list-state';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { DeliveryStatusTag } from './delivery-status-tag';

/** The delivery log: filters by status and event; a row opens its attempts and last error. */
export function DeliveriesTab() {
  const { t, lang } = useI18n();
  const list = useListState();
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const [eventType, setEventType] = useState<string | undefined>();
  const [viewing, setViewing] = useState<string | null>(null);
  const query = useQuery({
    ...queryOptionsFor(listDeliveries, {
      query: {
        page: list.page,
        pageSize: list.pageSize,
        q: list.q || undefined,
        status,
        eventType,
      },
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 3_000,
  });
  const time = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) : '—';

  const columns: ColumnsType<Delivery> = [
    {
      title: t('notify.delivery.createdAt'),
      key: 'createdAt',
      render: (_, d) => time(d.createdAt),
    },
    { title: t('notify.delivery.event'), dataIndex: 'eventType', key: 'eventType' },
    {
      title: t('notify.delivery.channel'),
      key: 'channel',
      render: (_, d) => `${d.channelName} · ${t(`notify.kind.${d.channelKind}`)}`,
    },
    {
      title: t('notify.delivery.recipient'),
      key: 'recipient',
      render: (_, d) => d.recipientLabel || d.recipient,
    },
    {
      title: t('notify.delivery.subject'),
      key: 'subject',
      render: (_, d) => (
        <Typography.Link onClick={() => setViewing(d.id)} data-testid={`delivery-open-${d.id}`}>
          {d.subject}
        </Typography.Link>
      ),
    },
    {
      title: t('notify.delivery.status'),
      key: 'status',
      render: (_, d) => <DeliveryStatusTag status={d.status} />,
    },
    {
      title: t('notify.delivery.attempts'),
      key: 'attempts',
      render: (_, d) => `${d.attempts} / ${d.maxAttempts}`,
    },
    {
      title: t('notify.delivery.lastError'),
      key: 'lastError',
      render: (_, d) => (
        <Typography.Text
          type="danger"
          ellipsis={{ tooltip: d.lastError }}
          style={{ maxWidth: 280 }}
        >
          {d.lastError ?? ''}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <Flex gap={8} wrap justify="flex-end" style={{ marginBottom: 12 }}>
        <Select<DeliveryStatus>
          allowClear
          placeholder={t('notify.delivery.filterStatus')}
          style={{ width: 180 }}
          value={status}
          onChange={setStatus}
          data-testid="delivery-filter-status"
          options={deliveryStatuses.map((s) => ({ value: s, label: t(`notify.status.${s}`) }))}
        />
        <Select<string>
          allowClear
          placeholder={t('notify.delivery.filterEvent')}
          style={{ width: 200 }}
          value={eventType}
          onChange={setEventType}
          options={eventTypes.map((e) => ({ value: e, label: e }))}
        />
        <SearchBox onSearch={list.search} data-testid="delivery-search" />
      </Flex>
      <ErrorAlert error={query.error} />
      <Table<Delivery>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isPending}
        pagination={list.pagination(query.data?.total)}
        scroll={{ x: 'max-content' }}
        onRow={(d) =>
          ({ 'data-testid': `delivery-row-${d.channelName}` }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="delivery-table"
      />
      <DeliveryDrawer id={viewing} onClose={() => setViewing(null)} time={time} />
    </>
  );
}

function DeliveryDrawer(props: {
  id: string | null;
  onClose: () => void;
  time: (iso: string | null) => string;
}) {
  const { t } = useI18n();
  const query = useQuery({
    ...queryOptionsFor(getDelivery, { params: { id: props.id ?? '' } }),
    enabled: props.id !== null,
    refetchInterval: 3_000,
  });
  const d = query.data;
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size={640}
      title={t('notify.delivery.detail')}
    >
      <ErrorAlert error={query.error} />
      {d && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('notify.delivery.status')}>
              <DeliveryStatusTag status={d.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('notify.delivery.channel')}>
              {d.channelName}
            </Descriptions.Item>
            <Descriptions.Item label={t('notify.delivery.recipient')}>
              {d.recipient}
            </Descriptions.Item>
            <Descriptions.Item label={t('notify.delivery.sentAt')}>
              {props.time(d.sentAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('notify.delivery.lastError')}>
              <Typography.Text type="danger" data-testid="delivery-last-error">
                {d.lastError ?? '—'}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('notify.delivery.subject')}>{d.subject}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }} code>
            {d.body}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('notify.delivery.attemptLog')}</Typography.Title>
          <Timeline
            items={d.attemptLog.map((a) => ({
              color: a.ok === true ? 'green' : a.ok === false ? 'red' : 'blue',
              content: (
                <>
                  <div>
                    {t('notify.delivery.attemptN', { n: a.number })} · {props.time(a.startedAt)}
                  </div>
                  {a.error && <Typography.Text type="danger">{a.error}</Typography.Text>}
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
