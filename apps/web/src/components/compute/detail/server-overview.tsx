'use client';

import type { ServerDetail } from '@yunguan/contract';
import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import { ServerStatusTag } from '../server-status-tag';
import { flavorSpec } from '../servers/server-columns';
import { ImageName } from './image-name';

const dash = (value: ReactNode) =>
  value === null || value === undefined || value === '' ? '—' : value;

/** Every field of the server the mirror knows. */
export function ServerOverview({ server }: { server: ServerDetail }) {
  const { t, lang } = useI18n();
  const items = (entries: [string, ReactNode, string?][]): DescriptionsProps['items'] =>
    entries.map(([label, children, testId]) => ({
      key: label,
      label,
      children: testId ? <span data-testid={testId}>{children}</span> : children,
    }));
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="server-overview"
      items={items([
        [t('server.name'), server.name, 'server-overview-name'],
        [
          t('server.status'),
          <ServerStatusTag
            status={server.status}
            rawStatus={server.rawStatus ?? undefined}
            taskState={server.taskState}
            activeAction={server.activeTask?.action}
            testId="server-detail-status"
          />,
        ],
        ['ID', <Typography.Text copyable>{server.id}</Typography.Text>],
        [t('server.externalId'), <Typography.Text copyable>{server.externalId}</Typography.Text>],
        [
          t('server.flavor'),
          server.flavor ? `${server.flavor.name} (${flavorSpec(t, server.flavor)})` : '—',
          'server-overview-flavor',
        ],
        [
          t('server.image'),
          <ImageName
            projectId={server.projectId}
            datacenterId={server.datacenterId}
            imageId={server.imageExternalId}
          />,
        ],
        [t('server.az'), dash(server.availabilityZone)],
        [
          t('server.addresses'),
          server.addresses.length
            ? server.addresses.map((a) => `${a.ip} (${a.network})`).join(', ')
            : '—',
        ],
        [t('server.keyName'), dash(server.keyName)],
        [
          t('server.securityGroups'),
          server.securityGroups.length ? (
            <Flex gap={4} wrap>
              {server.securityGroups.map((g) => (
                <Tag key={g}>{g}</Tag>
              ))}
            </Flex>
          ) : (
            '—'
          ),
        ],
        [
          t('server.rawStatus'),
          dash([server.rawStatus, server.taskState].filter(Boolean).join(' / ')),
        ],
        [t('server.locked'), server.locked ? t('common.yes') : t('common.no')],
        [t('server.createdAt'), formatDateTime(server.createdAt ?? server.firstSeenAt, lang)],
        [t('server.observedAt'), formatDateTime(server.observedAt, lang)],
        ...(server.fault
          ? ([
              [
                t('server.fault'),
                <Typography.Text type="danger">{server.fault.message}</Typography.Text>,
              ],
            ] as [string, ReactNode][])
          : []),
      ])}
    />
  );
}

/** The server's addresses, one row per address. */
export function ServerNetwork({ server }: { server: ServerDetail }) {
  const { t } = useI18n();
  return (
    <Table
      rowKey={(a) => `${a.network}-${a.ip}`}
      size="small"
      pagination={false}
      dataSource={server.addresses}
      data-testid="server-network"
      columns={[
        { title: t('server.network'), dataIndex: 'network' },
        {
          title: t('server.ip'),
          dataIndex: 'ip',
          render: (ip: string) => <Typography.Text copyable>{ip}</Typography.Text>,
        },
        { title: t('server.ipVersion'), dataIndex: 'version', render: (v: number) => `IPv${v}` },
        {
          title: t('server.ipType'),
          dataIndex: 'type',
          render: (type: 'fixed' | 'floating') => t(`server.ipType.${type}`),
        },
        { title: t('server.mac'), dataIndex: 'mac', render: (mac: string | null) => mac ?? '—' },
      ]}
    />
  );
}
