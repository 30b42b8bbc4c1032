'use client';

import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ServerDetail, Volume } from '@yunguan/contract';
import { actOnVolume, listVolumes } from '@yunguan/contract';
import { App, Button, Flex, Form, Modal, Popconfirm, Select, Table, Typography } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { StorageStatusTag } from '@/components/storage/storage-status-tag';
import { useStorageEvents } from '@/components/storage/use-storage-live';
import { useStorageTask } from '@/components/storage/volumes/use-volume-action';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { useDatacenterCapabilities } from '@/lib/datacenter-capabilities';
import { useCan } from '@/lib/me-context';

/** Server states Nova attaches and detaches volumes in. */
const attachable = new Set(['active', 'stopped', 'paused', 'suspended', 'shelved']);

const attachmentOf = (volume: Volume, server: ServerDetail) =>
  volume.spec.attachments.find(
    (a) => a.serverId === server.id || a.serverExternalId === server.externalId,
  );

/** Pick one available volume of the server's project and datacenter and attach it. */
function AttachVolumeModal(props: {
  server: ServerDetail;
  volumes: readonly Volume[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { server } = props;
  const [form] = Form.useForm<{ volumeId: string }>();
  const mutation = useStorageTask((v: { volumeId: string }) =>
    callContract(actOnVolume, {
      params: { id: v.volumeId },
      body: { action: 'attach', serverId: server.id },
    }),
  );
  const candidates = props.volumes.filter((v) => v.status === 'available' && !v.activeTask);
  return (
    <Modal
      open
      title={`${t('serverVolumes.attach')} · ${server.name}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('volume.action.attach')}
      okButtonProps={{ 'data-testid': 'server-attach-volume-submit' }}
      confirmLoading={mutation.isPending}
      data-testid="server-attach-volume-dialog"
    >
      <ErrorAlert error={mutation.error} testId="server-attach-volume-error" />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => mutation.mutate(v, { onSuccess: props.onClose })}
      >
        <Form.Item
          name="volumeId"
          label={t('serverVolumes.pick')}
          extra={t('serverVolumes.pickHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'title' }}
            notFoundContent={t('serverVolumes.noneAvailable')}
            data-testid="server-attach-volume-pick"
            options={candidates.map((v) => ({
              value: v.id,
              title: v.name,
              label: (
                <span data-testid={`attach-volume-option-${v.name}`}>
                  {v.name}{' '}
                  <Typography.Text type="secondary">
                    {[t('storage.sizeGb', { size: v.spec.sizeGb }), v.spec.volumeType]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The server's Volumes tab: the volumes attached to it (from the volumes API, live), attach
 * one more, detach with a confirmation. */
export function ServerVolumes({ server }: { server: ServerDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  useStorageEvents();
  const canUse = useCan('resource.use');
  const capabilities = useDatacenterCapabilities(server.datacenterId);
  const [attaching, setAttaching] = useState(false);
  const query = useQuery({
    ...queryOptionsFor(listVolumes, {
      params: { projectId: server.projectId ?? '' },
      query: { datacenterId: server.datacenterId, pageSize: 500, sort: 'name' },
    }),
    enabled: server.projectId !== null,
  });
  const detach = useStorageTask((volume: Volume) =>
    callContract(actOnVolume, {
      params: { id: volume.id },
      body: { action: 'detach', serverId: server.id },
    }),
  );
  const all = query.data?.items ?? [];
  const attached = all.filter((v) => attachmentOf(v, server));
  const offered =
    canUse &&
    (!capabilities || capabilities.includes('volume.manage')) &&
    server.activeTask === null &&
    attachable.has(server.status);
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        {canUse && (
          <Button
            icon={<PlusOutlined />}
            disabled={!offered}
            onClick={() => setAttaching(true)}
            data-testid="server-attach-volume"
          >
            {t('serverVolumes.attach')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={query.error} />
      <Table<Volume>
        rowKey="id"
        size="small"
        loading={query.isPending}
        pagination={false}
        dataSource={attached}
        locale={{ emptyText: t('serverVolumes.empty') }}
        onRow={(v) =>
          ({ 'data-testid': `server-volume-row-${v.name}` }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="server-volumes"
        columns={[
          {
            title: t('storage.name'),
            dataIndex: 'name',
            render: (name: string, v) => (
              <Link href={`/console/storage/volumes/${v.id}`}>{name}</Link>
            ),
          },
          {
            title: t('storage.status'),
            key: 'status',
            render: (_, v) => (
              <StorageStatusTag
                status={v.status}
                activeTask={v.activeTask}
                testId={`server-volume-status-${v.name}`}
              />
            ),
          },
          {
            title: t('volume.device'),
            key: 'device',
            render: (_, v) => attachmentOf(v, server)?.device ?? '—',
          },
          {
            title: t('storage.size'),
            key: 'size',
            render: (_, v) => t('storage.sizeGb', { size: v.spec.sizeGb }),
          },
          {
            title: t('volume.type'),
            key: 'type',
            render: (_, v) => v.spec.volumeType ?? '—',
          },
          ...(canUse
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, v: Volume) => (
                    <Popconfirm
                      title={t('volume.detachHint')}
                      onConfirm={() =>
                        detach.mutate(v, { onError: (e) => void message.error(e.message) })
                      }
                      okButtonProps={{ danger: true, 'data-testid': 'confirm-detach' }}
                      disabled={!offered || v.status !== 'in-use' || v.activeTask !== null}
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        disabled={!offered || v.status !== 'in-use' || v.activeTask !== null}
                        data-testid={`server-volume-detach-${v.name}`}
                      >
                        {t('volume.action.detach')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {attaching && (
        <AttachVolumeModal server={server} volumes={all} onClose={() => setAttaching(false)} />
      )}
    </>
  );
}
