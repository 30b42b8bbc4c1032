'use client';

import type { FloatingIpItem } from '@yunguan/contract';
import { actOnFloatingIp } from '@yunguan/contract';
import { Form, InputNumber, Radio } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { TaskFormModal } from '../common/task-form-modal';
import { ServerSelect } from './server-select';

export type FipDialog = { kind: 'associate' | 'add-port-forwarding'; fip: FloatingIpItem };
type Values = Record<string, unknown>;

/** Associate a floating IP with a server of the project, or add a port forwarding to it. */
export function FloatingIpDialogs(props: { dialog: FipDialog | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { dialog } = props;
  const kind = dialog?.kind;
  const req = [{ required: true, message: t('common.required') }];
  return (
    <TaskFormModal<Values>
      open={dialog !== null}
      onClose={props.onClose}
      title={`${kind === 'associate' ? t('net.fip.associate') : t('net.fip.addForwarding')} · ${dialog?.fip.spec.floatingIpAddress ?? ''}`}
      form={form}
      contract={actOnFloatingIp}
      prefix={kind === 'associate' ? 'fip-associate' : 'fip-forwarding'}
      initialValues={kind === 'associate' ? {} : { protocol: 'tcp' }}
      input={(v) => ({ params: { id: dialog?.fip.id ?? '' }, body: { action: kind, ...v } })}
    >
      <Form.Item name="serverId" label={t('net.fip.chooseServer')} rules={req}>
        <ServerSelect datacenterId={dialog?.fip.datacenterId ?? ''} testId="fip-server-select" />
      </Form.Item>
      {kind === 'add-port-forwarding' && (
        <>
          <Form.Item name="protocol" label={t('net.protocol')} rules={req}>
            <Radio.Group
              options={['tcp', 'udp'].map((p) => ({ value: p, label: p.toUpperCase() }))}
            />
          </Form.Item>
          <Form.Item name="internalPort" label={t('net.fip.internalPort')} rules={req}>
            <InputNumber min={1} max={65535} data-testid="fip-forwarding-internal" />
          </Form.Item>
          <Form.Item name="externalPort" label={t('net.fip.externalPort')} rules={req}>
            <InputNumber min={1} max={65535} data-testid="fip-forwarding-external" />
          </Form.Item>
        </>
      )}
    </TaskFormModal>
  );
}
