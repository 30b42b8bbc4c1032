'use client';

import type { CreateNetworkInput } from '@yunguan/contract';
import { createNetwork } from '@yunguan/contract';
import { Divider, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { DescriptionItem, NameItem } from '@/components/common/form-items';
import { useI18n } from '@/i18n/i18n-provider';
import { useCurrentProject } from '@/lib/current-project';
import { useCan } from '@/lib/me-context';
import { DatacenterField } from '../common/datacenter-field';
import { TaskFormModal } from '../common/task-form-modal';

type Values = CreateNetworkInput;

/** A tenant network; sharing, external and provider attributes only for compute.admin. */
export function CreateNetworkModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { projectId } = useCurrentProject();
  const isAdmin = useCan('compute.admin');
  const [form] = Form.useForm<Values>();
  const providerType = Form.useWatch(['provider', 'type'], form) as string | undefined;
  return (
    <TaskFormModal<Values>
      open={props.open}
      onClose={props.onClose}
      title={t('net.net.create')}
      form={form}
      contract={createNetwork}
      prefix="network-create"
      initialValues={{ adminStateUp: true }}
      input={(v) => {
        const provider = v.provider?.type ? v.provider : undefined;
        return { params: { projectId: projectId ?? '' }, body: { ...v, provider } };
      }}
    >
      <DatacenterField testId="network-create-datacenter" />
      <NameItem testId="network-create-name" />
      <DescriptionItem testId="network-create-description" rows={2} />
      <Form.Item name="mtu" label={t('net.net.mtu')}>
        <InputNumber min={68} max={9216} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="adminStateUp" label={t('net.adminStateUp')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {isAdmin && (
        <div data-testid="network-admin-fields">
          <Divider titlePlacement="start" plain>
            {t('net.net.adminFields')}
          </Divider>
          <Typography.Paragraph type="secondary">
            {t('net.net.adminFieldsHint')}
          </Typography.Paragraph>
          <Form.Item name={['provider', 'type']} label={t('net.net.provider')}>
            <Select
              allowClear
              data-testid="network-create-provider"
              options={['flat', 'vlan', 'vxlan'].map((p) => ({ value: p, label: p }))}
            />
          </Form.Item>
          {providerType && providerType !== 'vxlan' && (
            <Form.Item
              name={['provider', 'physicalNetwork']}
              label={t('net.net.physicalNetwork')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input placeholder="physnet1" data-testid="network-create-physnet" />
            </Form.Item>
          )}
          {providerType && providerType !== 'flat' && (
            <Form.Item name={['provider', 'segmentationId']} label={t('net.net.segmentationId')}>
              <InputNumber
                min={1}
                max={providerType === 'vlan' ? 4094 : 16_777_215}
                data-testid="network-create-segment"
              />
            </Form.Item>
          )}
          <Form.Item name="shared" label={t('net.net.shared')} valuePropName="checked">
            <Switch data-testid="network-create-shared" />
          </Form.Item>
          <Form.Item name="external" label={t('net.net.external')} valuePropName="checked">
            <Switch data-testid="network-create-external" />
          </Form.Item>
        </div>
      )}
    </TaskFormModal>
  );
}
