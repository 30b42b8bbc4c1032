'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '@yunguan/contract';
import { listAuditEvents } from '@yunguan/contract';
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useListState } from '@/components/common/use-list-state';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { auditSentence } from '@/lib/labels';
import { AuditFilters } from './audit-filters';
import type { AuditFilter } from './audit-filters';

export function AuditPage() {
  const { t, lang } = useI18n();
  const list = useListState(50);
  const [filter, setFilter] = useState<AuditFilter>({});

  const query = useQuery({
    ...queryOptionsFor(listAuditEvents, {
      query: { page: list.page, pageSize: list.pageSize, ...filter },
    }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      render: (v: string) => formatDateTime(v, lang),
      width: 180,
    },
    {
      title: t('audit.event'),
      key: 'event',
      // A sentence for people; the raw codes on hover (and in the CSV export).
      render: (_, e) => (
        <Tooltip
          title={t('audit.rawHint', {
            code: `${e.action} · ${e.targetType}${e.targetId ? ` ${e.targetId}` : ''}`,
          })}
        >
          <span data-testid={`audit-sentence-${e.id}`} data-action={e.action}>
            {auditSentence(t, e)}
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 90,
      render: (r: AuditEvent['result']) => (
        <Tag color={r === 'success' ? 'green' : 'red'}>{t(`audit.result.${r}`)}</Tag>
      ),
    },
    {
      title: t('audit.sourceIp'),
      dataIndex: 'sourceIp',
      width: 140,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      ellipsis: true,
      render: (v: string | null) =>
        v ? <Typography.Text copyable={{ text: v }}>{v}</Typography.Text> : '—',
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <AuditFilters
        value={filter}
        onChange={(f) => {
          setFilter(f);
          list.setPage(1);
        }}
      />
      <ErrorAlert error={query.error} />
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        onRow={rowTestId('audit', (e) => e.action)}
        expandable={{
          expandedRowRender: (e) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(e.detail, null, 2)}
            </pre>
          ),
          rowExpandable: (e) => Object.keys(e.detail).length > 0,
        }}
        pagination={list.pagination(query.data?.total)}
        data-testid="audit-table"
      />
    </>
  );
}
