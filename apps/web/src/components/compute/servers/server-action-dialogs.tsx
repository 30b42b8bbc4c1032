'use client';

import type { Server } from '@yunguan/contract';
import { nameSchema } from '@yunguan/contract';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import type { MessageKey } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';
import { zodRule } from '@/lib/form-rules';
import { FlavorPicker, ImagePicker } from '../catalog/catalog-pickers';
import type { MenuAction } from './server-action-menu';
import type { ServerActionBody } from './use-server-action';
import { useServerAction } from './use-server-action';

type Values = { confirmName?: string; imageName?: string; host?: string; pick?: string };

/** The body an entry posts, from what its dialog collected; null = DELETE. */
const bodyFor = (action: MenuAction, v: Values): ServerActionBody | null => {
  switch (action) {
    case 'delete':
      return null;
    case 'reboot-soft':
    case 'reboot-hard':
      return { action: 'reboot', hard: action === 'reboot-hard' };
    case 'resize':
      return { action: 'resize', flavorId: v.pick ?? '' };
    case 'rebuild':
      return { action: 'rebuild', imageId: v.pick ?? '' };
    case 'snapshot':
      return { action: 'snapshot', imageName: v.imageName ?? '' };
    case 'migrate':
    case 'live-migrate':
      return { action, ...(v.host?.trim() ? { host: v.host.trim() } : {}) };
    default:
      return { action };
  }
};

const warnings: Partial<Record<MenuAction, MessageKey>> = {
  'reboot-hard': 'server.rebootHardHint',
  resize: 'server.resizeHint',
  rebuild: 'server.rebuildHint',
};

/** The small modal behind one menu entry: a confirmation, or the one field the action needs
 * (flavor, image, snapshot name, target host, the typed name for delete). Errors stay inline. */
export function ServerActionDialog(props: {
  server: Server | null;
  action: MenuAction | null;
  onClose: () => void;
}) {
  const { server, action, onClose } = props;
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const mutation = useServerAction();
  const [typed, setTyped] = useState('');
  const open = server !== null && action !== null;

  useEffect(() => {
    if (open && action === 'snapshot' && server)
      form.setFieldsValue({ imageName: `${server.name}-snapshot` });
  }, [open, action, server, form]);

  if (!server || !action) return null;
  const label = t(`server.action.${action}` as MessageKey);
  const submit = (values: Values) =>
    mutation.mutate({ server, body: bodyFor(action, values) }, { onSuccess: onClose });

  let body: ReactNode = (
    <Typography.Paragraph>
      {t('server.confirmAction', { action: label, name: server.name })}
    </Typography.Paragraph>
  );
  if (action === 'delete') {
    body = (
      <>
        <Typography.Paragraph>{t('server.deleteHint', { name: server.name })}</Typography.Paragraph>
        <Input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={server.name}
          data-testid="server-delete-confirm-name"
          status={typed && typed !== server.name ? 'error' : undefined}
        />
      </>
    );
  } else if (action === 'snapshot') {
    body = (
      <Form.Item
        name="imageName"
        label={t('server.snapshotName')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          zodRule(nameSchema, t('validation.name')),
        ]}
      >
        <Input maxLength={64} data-testid="server-snapshot-name" />
      </Form.Item>
    );
  } else if (action === 'migrate' || action === 'live-migrate') {
    body = (
      <Form.Item name="host" label={t('server.migrateHost')} extra={t('server.migrateHostHelp')}>
        <Input maxLength={255} data-testid="server-migrate-host" />
      </Form.Item>
    );
  } else if (action === 'resize') {
    body = (
      <>
        <Typography.Paragraph type="secondary">
          {t('server.currentFlavor', { name: server.flavor?.name ?? '—' })}
        </Typography.Paragraph>
        <Form.Item name="pick" rules={[{ required: true, message: t('common.required') }]}>
          <FlavorPicker datacenterId={server.datacenterId} exclude={server.flavor?.externalId} />
        </Form.Item>
      </>
    );
  } else if (action === 'rebuild') {
    body = (
      <Form.Item
        name="pick"
        label={t('server.image')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <ImagePicker datacenterId={server.datacenterId} projectId={server.projectId} />
      </Form.Item>
    );
  }
  const warning = warnings[action];

  return (
    <Modal
      open={open}
      width={action === 'resize' ? 760 : 520}
      title={`${label} · ${server.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={label}
      okButtonProps={{
        danger: action === 'delete' || action === 'reboot-hard' || action === 'rebuild',
        disabled: action === 'delete' && typed !== server.name,
        'data-testid': 'server-action-submit',
      }}
      confirmLoading={mutation.isPending}
      afterClose={() => {
        form.resetFields();
        mutation.reset();
        setTyped('');
      }}
      destroyOnHidden
      data-testid={`server-dialog-${action}`}
    >
      <ErrorAlert error={mutation.error} testId="server-action-error" />
      {warning && <Alert type="warning" showIcon title={t(warning)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {body}
      </Form>
    </Modal>
  );
}
