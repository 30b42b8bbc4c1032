'use client';

import type { NetworkItem } from '@yunguan/contract';
import { createSubnet, renderMessage } from '@yunguan/contract';
import { Alert, Form, Input, Radio, Switch } from 'antd';
import { NameItem } from '@/components/common/form-items';
import { useI18n } from '@/i18n/i18n-provider';
import { useCurrentProject } from '@/lib/current-project';
import { TaskFormModal } from '../common/task-form-modal';
import type { SubnetFormValues } from './subnet-values';
import { subnetBody, subnetHints } from './subnet-values';

/** A subnet of one network: CIDR, gateway (automatic, given or none), DHCP, DNS servers and
 * allocation pools. Mistakes the contract can see are hinted while typing; the server's
 * refusals (e.g. an overlapping CIDR) show above the form word for word. */
export function CreateSubnetModal(props: {
  network: NetworkItem;
  open: boolean;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { projectId } = useCurrentProject();
  const [form] = Form.useForm<SubnetFormValues>();
  const values = Form.useWatch([], form) as Partial<SubnetFormValues> | undefined;
  const hints = values ? subnetHints(values) : [];
  return (
    <TaskFormModal<SubnetFormValues>
      open={props.open}
      onClose={props.onClose}
      title={`${t('net.sub.create')} · ${props.network.name}`}
      form={form}
      contract={createSubnet}
      prefix="subnet-create"
      initialValues={{ ipVersion: 4, gatewayMode: 'auto', enableDhcp: true }}
      input={(v) => ({
        params: { projectId: projectId ?? '' },
        body: subnetBody(props.network.id, v),
      })}
    >
      <NameItem testId="subnet-name" />
      <Form.Item
        name="cidr"
        label={t('net.sub.cidr')}
        extra={t('net.sub.cidrHint')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input data-testid="subnet-cidr" placeholder="192.168.10.0/24" />
      </Form.Item>
      <Form.Item name="ipVersion" label={t('net.ipVersion')}>
        <Radio.Group options={[4, 6].map((v) => ({ value: v, label: `IPv${v}` }))} />
      </Form.Item>
      <Form.Item name="gatewayMode" label={t('net.sub.gatewayMode')}>
        <Radio.Group
          data-testid="subnet-gateway-mode"
          options={[
            { value: 'auto', label: t('net.sub.gatewayAuto') },
            { value: 'custom', label: t('net.sub.gatewayCustom') },
            { value: 'none', label: t('net.sub.gatewayNone') },
          ]}
        />
      </Form.Item>
      {values?.gatewayMode === 'custom' && (
        <Form.Item
          name="gatewayIp"
          label={t('net.sub.gateway')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input data-testid="subnet-gateway" placeholder="192.168.10.1" />
        </Form.Item>
      )}
      <Form.Item name="enableDhcp" label={t('net.sub.dhcp')} valuePropName="checked">
        <Switch data-testid="subnet-dhcp" />
      </Form.Item>
      <Form.Item name="dns" label={t('net.sub.dns')} extra={t('net.sub.dnsHint')}>
        <Input.TextArea rows={2} data-testid="subnet-dns" placeholder="8.8.8.8" />
      </Form.Item>
      <Form.Item name="pools" label={t('net.sub.pools')} extra={t('net.sub.poolsHint')}>
        <Input.TextArea
          rows={2}
          data-testid="subnet-pools"
          placeholder="192.168.10.100,192.168.10.200"
        />
      </Form.Item>
      {hints.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="subnet-hints"
          title={t('net.sub.hints')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {hints.map((h) => (
                <li key={`${h.path.join('.')}:${h.reason}`}>
                  {renderMessage(lang, 'VALIDATION', h.reason, h.params)}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </TaskFormModal>
  );
}
