'use client';

import type { Volume } from '@yunguan/contract';
import {
  actOnVolume,
  createVolumeBackup,
  createVolumeSnapshot,
  deleteVolume,
  resourceName,
} from '@yunguan/contract';
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import type { MessageKey } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { zodRule } from '@/lib/form-rules';
import { AttachedServerSelect, ProjectServerSelect } from './server-select';
import type { VolumeMenuAction } from './volume-actions';
import { useStorageTask } from './use-volume-action';

type Values = {
  newSizeGb?: number;
  serverId?: string;
  name?: string;
  force?: boolean;
  incremental?: boolean;
};

export type VolumeDialog = { volume: Volume; action: VolumeMenuAction };

/** One call per menu entry; all answer 202 {task}. */
const run = ({ volume, action }: VolumeDialog, v: Values) => {
  const params = { id: volume.id };
  const projectId = volume.projectId ?? '';
  switch (action) {
    case 'extend':
      return callContract(actOnVolume, {
        params,
        body: { action: 'extend', newSizeGb: v.newSizeGb ?? 0 },
      });
    case 'attach':
    case 'detach':
      return callContract(actOnVolume, { params, body: { action, serverId: v.serverId ?? '' } });
    case 'snapshot':
      return callContract(createVolumeSnapshot, {
        params: { projectId },
        body: { volumeId: volume.id, name: v.name ?? '', force: v.force ?? false },
      });
    case 'backup':
      return callContract(createVolumeBackup, {
        params: { projectId },
        body: {
          volumeId: volume.id,
          name: v.name ?? '',
          incremental: v.incremental ?? false,
          force: v.force ?? false,
        },
      });
    case 'delete':
      return callContract(deleteVolume, { params });
  }
};

const hints: Partial<Record<VolumeMenuAction, MessageKey>> = {
  extend: 'volume.extendHint',
  detach: 'volume.detachHint',
};

/** The fields one action needs. */
function ActionFields({ volume, action }: VolumeDialog) {
  const { t } = useI18n();
  const inUse = volume.status === 'in-use';
  const nameItem = (label: MessageKey, testId: string) => (
    <Form.Item
      name="name"
      label={t(label)}
      rules={[
        { required: true, whitespace: true, message: t('common.required') },
        zodRule(resourceName, t('volume.nameRule')),
      ]}
    >
      <Input maxLength={255} data-testid={testId} />
    </Form.Item>
  );
  const forceItem = inUse && (
    <Form.Item name="force" valuePropName="checked">
      <Checkbox data-testid="volume-force">
        {t(action === 'backup' ? 'volume.backupForce' : 'volume.snapshotForce')}
      </Checkbox>
    </Form.Item>
  );
  switch (action) {
    case 'extend':
      return (
        <Form.Item
          name="newSizeGb"
          label={t('volume.newSize')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: volume.spec.sizeGb + 1,
              max: 16_384,
              message: t('volume.newSizeRule', { size: volume.spec.sizeGb }),
            },
          ]}
        >
          <InputNumber
            min={volume.spec.sizeGb + 1}
            max={16_384}
            precision={0}
            addonAfter="GB"
            data-testid="volume-new-size"
          />
        </Form.Item>
      );
    case 'attach':
      return (
        <Form.Item
          name="serverId"
          label={t('volume.attachServer')}
          extra={t('volume.attachHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <ProjectServerSelect volume={volume} />
        </Form.Item>
      );
    case 'detach':
      return (
        <Form.Item
          name="serverId"
          label={t('volume.detachFrom')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <AttachedServerSelect volume={volume} />
        </Form.Item>
      );
    case 'snapshot':
      return (
        <>
          {nameItem('volume.snapshotName', 'volume-snapshot-name')}
          {forceItem}
        </>
      );
    case 'backup':
      return (
        <>
          {nameItem('volume.backupName', 'volume-backup-name')}
          <Form.Item name="incremental" valuePropName="checked">
            <Checkbox data-testid="volume-backup-incremental">
              {t('volume.backupIncremental')}
            </Checkbox>
          </Form.Item>
          {forceItem}
        </>
      );
    case 'delete':
      return null;
  }
}

const initialValues = ({ volume, action }: VolumeDialog): Values => {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const attached = volume.spec.attachments.filter((a) => a.serverId);
  if (action === 'snapshot' || action === 'backup')
    return { name: `${volume.name}-${action}-${stamp}`, force: true, incremental: false };
  if (action === 'extend') return { newSizeGb: volume.spec.sizeGb + 1 };
  if (action === 'detach' && attached.length === 1)
    return { serverId: attached[0]?.serverId ?? undefined };
  return {};
};

function ActionModal({ dialog, onClose }: { dialog: VolumeDialog; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const mutation = useStorageTask((values: Values) => run(dialog, values));
  const [typed, setTyped] = useState('');
  const { volume, action } = dialog;
  const label = t(`volume.action.${action}`);
  const hint = hints[action];
  const isDelete = action === 'delete';
  const body: ReactNode = isDelete ? (
    <>
      <Typography.Paragraph>{t('storage.deleteHint', { name: volume.name })}</Typography.Paragraph>
      <Input
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        placeholder={volume.name}
        data-testid="volume-delete-confirm-name"
        status={typed && typed !== volume.name ? 'error' : undefined}
      />
    </>
  ) : (
    <ActionFields volume={volume} action={action} />
  );

  return (
    <Modal
      open
      title={`${label} · ${volume.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={label}
      okButtonProps={{
        danger: isDelete || action === 'detach',
        disabled: isDelete && typed !== volume.name,
        'data-testid': 'volume-action-submit',
      }}
      confirmLoading={mutation.isPending}
      data-testid={`volume-dialog-${action}`}
    >
      <ErrorAlert error={mutation.error} testId="volume-action-error" />
      {hint && <Alert type="warning" showIcon title={t(hint)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(dialog)}
        onFinish={(values) => mutation.mutate(values, { onSuccess: onClose })}
      >
        {body}
      </Form>
    </Modal>
  );
}

/** The modal behind one volume action: its fields (or the typed name for delete), the
 * server's error inline, and the task started on OK. Mounted fresh for every action. */
export function VolumeActionDialog(props: { dialog: VolumeDialog | null; onClose: () => void }) {
  const { dialog, onClose } = props;
  if (!dialog) return null;
  return (
    <ActionModal key={`${dialog.volume.id}:${dialog.action}`} dialog={dialog} onClose={onClose} />
  );
}
