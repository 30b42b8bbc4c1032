'use client';

import type { VolumeBackup } from '@yunguan/contract';
import { deleteVolumeBackup, listVolumeBackups } from '@yunguan/contract';
import { App, Button, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { useDatacenterCapabilities } from '@/lib/datacenter-capabilities';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { ResourceListToolbar, useResourceList } from '../resource-list';
import { StorageStatusTag } from '../storage-status-tag';
import { useStorageTask } from '../volumes/use-volume-action';
import { useStorageLive } from '../use-storage-live';
import { RestoreBackupDialog } from './restore-backup-dialog';

const statuses = ['creating', 'available', 'restoring', 'deleting', 'error', 'error_restoring'];
const deletable = new Set(['available', 'error']);

/** A backup row's actions: restore and a confirmed delete (where the datacenter backs up). */
function BackupActions(props: { backup: VolumeBackup; onRestore: () => void }) {
  const { backup } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const capabilities = useDatacenterCapabilities(backup.datacenterId);
  const remove = useStorageTask(() =>
    callContract(deleteVolumeBackup, { params: { id: backup.id } }),
  );
  if (capabilities && !capabilities.includes('volume.backup')) return null;
  const idle = backup.activeTask === null;
  return (
    <Space size="small">
      <Button
        type="link"
        size="small"
        disabled={!idle || backup.status !== 'available'}
        onClick={props.onRestore}
        data-testid={`backup-restore-${backup.name}`}
      >
        {t('backup.restore')}
      </Button>
      <Popconfirm
        title={t('common.confirmDelete', { name: backup.name })}
        onConfirm={() =>
          remove.mutate(undefined, { onError: (e) => void message.error(e.message) })
        }
        okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
        disabled={!idle || !deletable.has(backup.status)}
      >
        <Button
          type="link"
          size="small"
          danger
          loading={remove.isPending}
          disabled={!idle || !deletable.has(backup.status)}
          data-testid={`backup-delete-${backup.name}`}
        >
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** The project's volume backups: filters, search, sort, pages, CSV; restore, delete. */
export function BackupsPage() {
  const { t, lang } = useI18n();
  const { projectId } = useCurrentProject();
  const canUse = useCan('resource.use');
  const connected = useStorageLive();
  const state = useResourceList<VolumeBackup>(listVolumeBackups, projectId ?? '');
  const [restoring, setRestoring] = useState<VolumeBackup | null>(null);

  if (!projectId) return <Empty description={t('volume.noProject')} />;
  return (
    <>
      <PageHeader
        title={t('backup.title')}
        extra={
          <ResourceListToolbar
            state={state}
            statuses={statuses}
            connected={connected}
            testId="backup"
          />
        }
      />
      <ErrorAlert error={state.query.error} />
      <Table<VolumeBackup>
        rowKey="id"
        dataSource={state.loaded ? state.items : undefined}
        loading={state.query.isPending || state.query.isPlaceholderData}
        onRow={rowTestId('backup', (r) => r.name)}
        scroll={{ x: 'max-content' }}
        pagination={state.pagination(state.total)}
        locale={{ emptyText: <Empty description={t('backup.empty')} /> }}
        onChange={(_p, _f, sorter) => state.onSort(sorter)}
        data-testid="backup-table"
        columns={[
          {
            title: t('storage.name'),
            dataIndex: 'name',
            key: 'name',
            fixed: 'left',
            sorter: true,
            sortOrder: state.order('name'),
          },
          {
            title: t('storage.status'),
            dataIndex: 'status',
            key: 'status',
            sorter: true,
            sortOrder: state.order('status'),
            render: (_, b) => {
              const tag = (
                <StorageStatusTag
                  status={b.status}
                  activeTask={b.activeTask}
                  testId={`backup-status-${b.name}`}
                />
              );
              return b.spec.failReason ? (
                <Tooltip title={`${t('backup.failReason')}: ${b.spec.failReason}`}>{tag}</Tooltip>
              ) : (
                tag
              );
            },
          },
          {
            title: t('storage.size'),
            key: 'size',
            render: (_, b) => t('storage.sizeGb', { size: b.spec.sizeGb }),
          },
          {
            title: t('backup.volume'),
            key: 'volume',
            render: (_, b) =>
              b.spec.volumeId ? (
                <Link href={`/console/storage/volumes/${b.spec.volumeId}`}>
                  {b.spec.volumeName ?? b.spec.volumeExternalId}
                </Link>
              ) : (
                <Typography.Text type="secondary">
                  {b.spec.volumeName ?? b.spec.volumeExternalId}
                </Typography.Text>
              ),
          },
          {
            title: t('backup.mode'),
            key: 'mode',
            render: (_, b) => (
              <Tag>{b.spec.incremental ? t('backup.incremental') : t('backup.full')}</Tag>
            ),
          },
          {
            title: t('storage.datacenter'),
            key: 'datacenter',
            render: (_, b) => state.dcName(b.datacenterId),
          },
          {
            title: t('storage.createdAt'),
            key: 'createdAt',
            sorter: true,
            sortOrder: state.order('createdAt'),
            render: (_, b) => formatDateTime(b.spec.createdAt ?? b.firstSeenAt, lang),
          },
          ...(canUse
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_: unknown, b: VolumeBackup) => (
                    <BackupActions backup={b} onRestore={() => setRestoring(b)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      <RestoreBackupDialog backup={restoring} onClose={() => setRestoring(null)} />
    </>
  );
}
