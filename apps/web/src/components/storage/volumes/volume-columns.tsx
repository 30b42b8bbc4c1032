'use client';

import type { Volume } from '@yunguan/contract';
import { Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import Link from 'next/link';
import type { Translate } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import type { Lang } from '@/lib/preferences';
import { StorageStatusTag, storageActionLabel } from '../storage-status-tag';
import { isPendingVolume } from './pending-volumes';

/** Where a volume is attached: server names linking to their pages. */
export function AttachmentList({ volume }: { volume: Volume }) {
  if (volume.spec.attachments.length === 0) return <>—</>;
  return (
    <Flex vertical>
      {volume.spec.attachments.map((a) => (
        <span key={a.serverExternalId} data-testid={`volume-attached-${volume.name}`}>
          {a.serverId ? (
            <Link href={`/console/compute/servers/${a.serverId}`}>
              {a.serverName ?? a.serverExternalId}
            </Link>
          ) : (
            (a.serverName ?? a.serverExternalId)
          )}
          {a.device && <Typography.Text type="secondary"> {a.device}</Typography.Text>}
        </span>
      ))}
    </Flex>
  );
}

/** A volume's status, with the portal task running on it named beside the tag. */
export function VolumeStatus({ volume, testId }: { volume: Volume; testId: string }) {
  return <StorageStatusTag status={volume.status} activeTask={volume.activeTask} testId={testId} />;
}

/** The volumes list's columns; `sortOrder` reflects the server-side sort. */
export const volumeColumns = (
  t: Translate,
  lang: Lang,
  sort: string,
  datacenterName: (id: string) => string,
): TableColumnsType<Volume> => {
  const order = (field: string) =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;
  return [
    {
      title: t('storage.name'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      sorter: true,
      sortOrder: order('name'),
      render: (name: string, volume) =>
        isPendingVolume(volume) ? (
          <span data-testid={`volume-pending-${name}`}>{name}</span>
        ) : (
          <Link href={`/console/storage/volumes/${volume.id}`} data-testid={`volume-link-${name}`}>
            {name}
          </Link>
        ),
    },
    {
      title: t('storage.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      sortOrder: order('status'),
      render: (_, volume) => (
        <Flex gap={4} align="center" wrap>
          <VolumeStatus volume={volume} testId={`volume-status-${volume.name}`} />
          {volume.activeTask && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid={`volume-task-${volume.name}`}
            >
              {storageActionLabel(t, volume.activeTask.action)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('storage.size'),
      key: 'size',
      render: (_, volume) => (
        <span data-testid={`volume-size-${volume.name}`}>
          {volume.spec.sizeGb ? t('storage.sizeGb', { size: volume.spec.sizeGb }) : '—'}
        </span>
      ),
    },
    {
      title: t('volume.type'),
      key: 'type',
      render: (_, volume) => (volume.spec.volumeType ? <Tag>{volume.spec.volumeType}</Tag> : '—'),
    },
    {
      title: t('volume.attachedTo'),
      key: 'attachments',
      render: (_, volume) => <AttachmentList volume={volume} />,
    },
    {
      title: t('storage.datacenter'),
      key: 'datacenter',
      render: (_, volume) => datacenterName(volume.datacenterId),
    },
    {
      title: t('storage.az'),
      key: 'az',
      render: (_, volume) => volume.spec.availabilityZone ?? '—',
    },
    {
      title: t('storage.createdAt'),
      key: 'createdAt',
      sorter: true,
      sortOrder: order('createdAt'),
      render: (_, volume) => formatDateTime(volume.spec.createdAt ?? volume.firstSeenAt, lang),
    },
  ];
};
