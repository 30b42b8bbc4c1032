'use client';

import { useQuery } from '@tanstack/react-query';
import type { VolumeBackup } from '@yunguan/contract';
import { actOnVolumeBackup, listVolumes, resourceName } from '@yunguan/contract';
import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { zodRule } from '@/lib/form-rules';
import { useStorageTask } from '../volumes/use-volume-action';

type Values = { target: 'new' | 'existing'; name?: string; volumeId?: string };

/** Available volumes of the backup's project and datacenter that are large enough. */
function TargetVolumeSelect(props: {
  backup: VolumeBackup;
  value?: string;
  onChange?: (value: string) => void;
}) {
  const { t } = useI18n();
  const { backup } = props;
  const query = useQuery({
    ...queryOptionsFor(listVolumes, {
      params: { projectId: backup.projectId ?? '' },
      query: { datacenterId: backup.datacenterId, status: 'available', pageSize: 500 },
    }),
    enabled: backup.projectId !== null,
  });
  const volumes = (query.data?.items ?? []).filter(
    (v) => v.spec.sizeGb >= backup.spec.sizeGb && v.activeTask === null,
  );
  return (
    <>
      <ErrorAlert error={query.error} />
      <Select
        value={props.value}
        onChange={props.onChange}
        loading={query.isPending}
        showSearch={{ optionFilterProp: 'title' }}
        notFoundContent={t('backup.restoreNoVolumes')}
        data-testid="backup-restore-volume"
        options={volumes.map((v) => ({
          value: v.id,
          title: v.name,
          label: (
            <span data-testid={`restore-volume-option-${v.name}`}>
              {v.name}{' '}
              <Typography.Text type="secondary">
                {t('storage.sizeGb', { size: v.spec.sizeGb })}
              </Typography.Text>
            </span>
          ),
        }))}
      />
    </>
  );
}

function RestoreModal({ backup, onClose }: { backup: VolumeBackup; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? 'new';
  const mutation = useStorageTask((v: Values) =>
    callContract(actOnVolumeBackup, {
      params: { id: backup.id },
      body:
        v.target === 'existing'
          ? { action: 'restore', volumeId: v.volumeId ?? '' }
          : { action: 'restore', ...(v.name?.trim() ? { name: v.name.trim() } : {}) },
    }),
  );
  return (
    <Modal
      open
      title={`${t('backup.action.restore')} · ${backup.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('backup.restore')}
      okButtonProps={{ danger: target === 'existing', 'data-testid': 'backup-restore-submit' }}
      confirmLoading={mutation.isPending}
      data-testid="backup-restore-dialog"
    >
      <ErrorAlert error={mutation.error} testId="backup-restore-error" />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ target: 'new', name: `${backup.name}-restore` }}
        onFinish={(values) => mutation.mutate(values, { onSuccess: onClose })}
      >
        <Form.Item name="target" label={t('backup.restoreTarget')}>
          <Radio.Group
            data-testid="backup-restore-target"
            options={[
              { value: 'new', label: t('backup.restoreNew') },
              { value: 'existing', label: t('backup.restoreExisting') },
            ]}
          />
        </Form.Item>
        {target === 'new' ? (
          <Form.Item
            name="name"
            label={t('backup.restoreName')}
            rules={[zodRule(resourceName, t('volume.nameRule'))]}
          >
            <Input maxLength={255} data-testid="backup-restore-name" />
          </Form.Item>
        ) : (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('backup.restoreOverwrite')}
              style={{ marginBottom: 16 }}
            />
            <Form.Item
              name="volumeId"
              label={t('backup.restoreVolume')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <TargetVolumeSelect backup={backup} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** Restore a backup into a new volume, or over an existing available one of the project. */
export function RestoreBackupDialog(props: { backup: VolumeBackup | null; onClose: () => void }) {
  if (!props.backup) return null;
  return <RestoreModal key={props.backup.id} backup={props.backup} onClose={props.onClose} />;
}
