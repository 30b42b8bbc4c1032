'use client';

import { useQuery } from '@tanstack/react-query';
import type { Channel } from '@yunguan/contract';
import { deleteChannel, listChannels } from '@yunguan/contract';
import { Button, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ErrorAlert } from '@/components/common/error-alert';
import { CreateButton } from '@/components/common/list-toolbar';
import { EditDeleteActions } from '@/components/common/row-actions';
import { useRemoveMutation } from '@/components/common/use-contract-mutation';
import { useDialog } from '@/components/common/use-dialog';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { ChannelFormModal } from './channel-form-modal';
import { SendTestModal } from './send-test-modal';

/** The channels the caller manages, their last result, and create / edit / delete / send test. */
export function ChannelsTab() {
  const { t, lang } = useI18n();
  const form = useDialog<Channel>();
  const test = useDialog<Channel>();
  const query = useQuery({
    ...queryOptionsFor(listChannels, { query: {} }),
    refetchInterval: 5_000,
  });
  const remove = useRemoveMutation((id) => callContract(deleteChannel, { params: { id } }), {
    stale: [listChannels],
    successText: t('common.deleted'),
  });
  const time = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });

  const columns: ColumnsType<Channel> = [
    { title: t('common.name'), dataIndex: 'name', key: 'name' },
    { title: t('notify.channel.kind'), key: 'kind', render: (_, c) => t(`notify.kind.${c.kind}`) },
    {
      title: t('notify.channel.scope'),
      key: 'scope',
      render: (_, c) =>
        c.scope === 'platform' ? (
          <Tag>{t('notify.scope.platform')}</Tag>
        ) : (
          <Tag color="blue">{t('notify.scope.project', { name: c.projectName ?? '' })}</Tag>
        ),
    },
    { title: t('notify.channel.locale'), dataIndex: 'locale', key: 'locale' },
    {
      title: t('notify.channel.enabled'),
      key: 'enabled',
      render: (_, c) =>
        c.enabled ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
    },
    {
      title: t('notify.channel.health'),
      key: 'health',
      render: (_, c) => {
        const failedLast = c.lastErrorAt && (!c.lastSentAt || c.lastErrorAt > c.lastSentAt);
        return (
          <Space direction="vertical" size={0}>
            <Typography.Text type="secondary">
              {c.lastSentAt
                ? t('notify.channel.lastSent', { time: time(c.lastSentAt) })
                : t('notify.channel.neverSent')}
            </Typography.Text>
            {failedLast && (
              <Tooltip title={c.lastError}>
                <Typography.Text
                  type="danger"
                  ellipsis
                  style={{ maxWidth: 320 }}
                  data-testid={`channel-error-${c.name}`}
                >
                  {c.lastError}
                </Typography.Text>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Space size="small">
          <Button
            type="link"
            size="small"
            onClick={() => test.show(c)}
            data-testid={`channel-test-${c.name}`}
          >
            {t('notify.channel.sendTest')}
          </Button>
          <EditDeleteActions
            name={c.name}
            onEdit={() => form.show(c)}
            onDelete={() => remove.mutate(c.id)}
            editTestId={`channel-edit-${c.name}`}
            deleteTestId={`channel-delete-${c.name}`}
          />
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <CreateButton onClick={() => form.show()} data-testid="channel-create">
          {t('notify.channel.create')}
        </CreateButton>
      </Flex>
      <ErrorAlert error={query.error} />
      <Table<Channel>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(c) =>
          ({ 'data-testid': `channel-row-${c.name}` }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="channel-table"
      />
      <ChannelFormModal open={form.open} editing={form.editing} onClose={form.close} />
      <SendTestModal open={test.open} channel={test.editing} onClose={test.close} />
    </>
  );
}
