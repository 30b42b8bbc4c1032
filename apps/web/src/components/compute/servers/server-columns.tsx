'use client';

import { LockOutlined } from '@ant-design/icons';
import type { Server } from '@yunguan/contract';
import { Flex, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import Link from 'next/link';
import type { Translate } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import type { Lang } from '@/lib/preferences';
import { formatRam } from '../catalog/catalog-format';
import { ServerStatusTag } from '../server-status-tag';
import { isPendingRow } from './pending-servers';

export const flavorSpec = (t: Translate, flavor: NonNullable<Server['flavor']>): string =>
  t('server.flavorSpec', {
    vcpus: flavor.vcpus,
    ram: formatRam(flavor.ramMb),
    disk: flavor.diskGb,
  });

/** The servers list's columns; `sortOrder` reflects the server-side sort. */
export const serverColumns = (t: Translate, lang: Lang, sort: string): TableColumnsType<Server> => {
  const order = (field: string) =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;
  return [
    {
      title: t('server.name'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      sorter: true,
      sortOrder: order('name'),
      render: (name: string, server) => (
        <Flex gap={6} align="center">
          {isPendingRow(server) ? (
            <span data-testid={`server-pending-${name}`}>{name}</span>
          ) : (
            <Link
              href={`/console/compute/servers/${server.id}`}
              data-testid={`server-link-${name}`}
            >
              {name}
            </Link>
          )}
          {server.locked && (
            <Tooltip title={t('server.locked')}>
              <LockOutlined data-testid={`server-locked-${name}`} />
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      title: t('server.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      sortOrder: order('status'),
      render: (_, server) => (
        <ServerStatusTag
          status={server.status}
          rawStatus={server.rawStatus ?? undefined}
          taskState={server.taskState}
          activeAction={server.activeTask?.action}
          testId={`server-status-${server.name}`}
        />
      ),
    },
    {
      title: t('server.flavor'),
      key: 'flavor',
      render: (_, server) =>
        server.flavor ? (
          <Tooltip title={flavorSpec(t, server.flavor)}>{server.flavor.name}</Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('server.addresses'),
      key: 'addresses',
      render: (_, server) =>
        server.addresses.length === 0 ? (
          '—'
        ) : (
          <Flex vertical>
            {server.addresses.map((a) => (
              <Typography.Text key={`${a.network}-${a.ip}`} copyable={{ text: a.ip }}>
                {a.ip}
                {a.type === 'floating' && (
                  <Typography.Text type="secondary">
                    {' '}
                    ({t('server.ipType.floating')})
                  </Typography.Text>
                )}
              </Typography.Text>
            ))}
          </Flex>
        ),
    },
    {
      title: t('server.az'),
      dataIndex: 'availabilityZone',
      key: 'az',
      render: (az: string | null) => az ?? '—',
    },
    {
      title: t('server.createdAt'),
      key: 'createdAt',
      sorter: true,
      sortOrder: order('createdAt'),
      render: (_, server) => formatDateTime(server.createdAt ?? server.firstSeenAt, lang),
    },
  ];
};
