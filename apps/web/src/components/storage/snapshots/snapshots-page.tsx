'use client';

import type { VolumeSnapshot } from '@yunguan/contract';
import { deleteVolumeSnapshot, listVolumeSnapshots } from '@yunguan/contract';
import { App, Button, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { rowTestId } from '@/components/common/row-props';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { useDatacenterCapabilities } from '@/lib/datacenter-capabilities';
import { useCurrentProject } from '@/lib/current-project';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { ResourceListToolbar, useResourceList } from '../resource-list';
import { StorageStatusTag } from '../storage-status-tag';
import { useStorageLive } from '../use-storage-live';
import type { CreateVolumeValues } from '../volumes/create-volume-drawer';
import { CreateVolumeDrawer } from '../volumes/create-volume-drawer';
import { useStorageTask } from '../volumes/use-volume-action';

const statuses = ['creating', 'available', 'deleting', 'error', 'error_deleting'];
const deletable = new Set(['available', 'error', 'error_deleting']);

/** A snapshot row's actions: a new volume from it, and a confirmed delete. */
function SnapshotActions(props: { snapshot: VolumeSnapshot; onCreateVolume: () => void }) {
  const { snapshot } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const capabilities = useDatacenterCapabilities(snapshot.datacenterId);
  const remove = useStorageTask(() =>
    callContract(deleteVolumeSnapshot, { params: { id: snapshot.id } }),
  );
  const can = (capability: string) => !capabilities || capabilities.includes(capability);
  const idle = snapshot.activeTask === null;
  return (
    <Space size="small">
      <Button
        type="link"
        size="small"
        disabled={!idle || snapshot.status !== 'available' || !can('volume.manage')}
        onClick={props.onCreateVolume}
        data-testid={`snapshot-create-volume-${snapshot.name}`}
      >
        {t('snapshot.createVolume')}
      </Button>
      {can('volume.snapshot') && (
        <Popconfirm
          title={t('common.confirmDelete', { name: snapshot.name })}
          onConfirm={() =>
            remove.mutate(undefined, { onError: (e) => void message.error(e.message) })
          }
          okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' }}
          disabled={!idle || !deletable.has(snapshot.status)}
        >
          <Button
            type="link"
            size="small"
            danger
            loading={remove.isPending}
            disabled={!idle || !deletable.has(snapshot.status)}
            data-testid={`snapshot-delete-${snapshot.name}`}
          >
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** The project's volume snapshots: filters, search, sort, pages, CSV; a new volume from a
 * snapshot, delete. Live through the event stream. */
export function SnapshotsPage() {
  const { t, lang } = useI18n();
  const { projectId } = useCurrentProject();
  const canUse = useCan('resource.use');
  const connected = useStorageLive();
  const state = useResourceList<VolumeSnapshot>(listVolumeSnapshots, projectId ?? '');
  const [from, setFrom] = useState<Partial<CreateVolumeValues> | null>(null);

  if (!projectId) return <Empty description={t('volume.noProject')} />;
  return (
    <>
      <PageHeader
        title={t('snapshot.title')}
        extra={
          <ResourceListToolbar
            state={state}
            statuses={statuses}
            connected={connected}
            testId="snapshot"
          />
        }
      />
      <ErrorAlert error={state.query.error} />
      <Table<VolumeSnapshot>
        rowKey="id"
        dataSource={state.loaded ? state.items : undefined}
        loading={state.query.isPending || state.query.isPlaceholderData}
        onRow={rowTestId('snapshot', (r) => r.name)}
        scroll={{ x: 'max-content' }}
        pagination={state.pagination(state.total)}
        locale={{ emptyText: <Empty description={t('snapshot.empty')} /> }}
        onChange={(_p, _f, sorter) => state.onSort(sorter)}
        data-testid="snapshot-table"
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
            render: (_, s) => (
              <StorageStatusTag
                status={s.status}
                activeTask={s.activeTask}
                testId={`snapshot-status-${s.name}`}
              />
            ),
          },
          {
            title: t('storage.size'),
            key: 'size',
            render: (_, s) => t('storage.sizeGb', { size: s.spec.sizeGb }),
          },
          {
            title: t('snapshot.volume'),
            key: 'volume',
            render: (_, s) =>
              s.spec.volumeId ? (
                <Link href={`/console/storage/volumes/${s.spec.volumeId}`}>
                  {s.spec.volumeName ?? s.spec.volumeExternalId}
                </Link>
              ) : (
                <Typography.Text type="secondary">
                  {s.spec.volumeName ?? s.spec.volumeExternalId}
                </Typography.Text>
              ),
          },
          {
            title: t('storage.datacenter'),
            key: 'datacenter',
            render: (_, s) => state.dcName(s.datacenterId),
          },
          {
            title: t('storage.createdAt'),
            key: 'createdAt',
            sorter: true,
            sortOrder: state.order('createdAt'),
            render: (_, s) => formatDateTime(s.spec.createdAt ?? s.firstSeenAt, lang),
          },
          ...(canUse
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_: unknown, s: VolumeSnapshot) => (
                    <SnapshotActions
                      snapshot={s}
                      onCreateVolume={() =>
                        setFrom({
                          datacenterId: s.datacenterId,
                          sourceType: 'snapshot',
                          snapshotId: s.id,
                          sizeGb: s.spec.sizeGb,
                          name: `${s.name}-volume`,
                        })
                      }
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <CreateVolumeDrawer
        open={from !== null}
        initial={from ?? undefined}
        onClose={() => setFrom(null)}
        projectId={projectId}
      />
    </>
  );
}
