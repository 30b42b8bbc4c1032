'use client';

import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ApiToken } from '@yunguan/contract';
import { deleteApiToken, listApiTokens } from '@yunguan/contract';
import { Button, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useRemoveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { CreateTokenModal } from './create-token-modal';

export function ApiTokensPage() {
  const { t, lang } = useI18n();
  const [creating, setCreating] = useState(false);
  const query = useQuery(queryOptionsFor(listApiTokens, {}));

  const revoke = useRemoveMutation((id) => callContract(deleteApiToken, { params: { id } }), {
    stale: [listApiTokens],
    successText: t('tokens.revoked'),
  });

  const columns: TableColumnsType<ApiToken> = [
    { title: t('common.name'), dataIndex: 'name' },
    { title: t('tokens.prefix'), dataIndex: 'prefix', render: (v: string) => <code>{v}…</code> },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v, lang),
    },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => (v ? formatDateTime(v, lang) : t('tokens.never')),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => (v ? formatDateTime(v, lang) : t('tokens.unused')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) => (
        <Popconfirm
          title={t('tokens.confirmRevoke', { name: row.name })}
          onConfirm={() => revoke.mutate(row.id)}
          okButtonProps={{ danger: true, 'data-testid': 'confirm-revoke' }}
        >
          <Button type="link" size="small" danger data-testid={`token-revoke-${row.name}`}>
            {t('tokens.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="token-create"
          >
            {t('tokens.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      <ErrorAlert error={query.error} />
      <Table<ApiToken>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        onRow={rowTestId('token', (r) => r.name)}
        pagination={false}
        data-testid="token-table"
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
