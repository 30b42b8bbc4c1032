'use client';

import type { CreateFloatingIpInput } from '@yunguan/contract';
import { createFloatingIp } from '@yunguan/contract';
import { Form, Input } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { useCurrentProject } from '@/lib/current-project';
import { DatacenterField } from '../common/datacenter-field';
import { TaskFormModal } from '../common/task-form-modal';
import { ExternalNetworkSelect } from '../routers/external-network-select';

/** Allocate a floating IP from an external network of a datacenter. */
export function AllocateFloatingIpModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { projectId } = useCurrentProject();
  const [form] = Form.useForm<CreateFloatingIpInput>();
  const datacenterId = Form.useWatch('datacenterId', form) as string | undefined;
  return (
    <TaskFormModal<CreateFloatingIpInput>
      open={props.open}
      onClose={props.onClose}
      title={t('net.fip.allocate')}
      form={form}
      contract={createFloatingIp}
      prefix="fip-create"
      input={(v) => ({ params: { projectId: projectId ?? '' }, body: v })}
    >
      <DatacenterField testId="fip-create-datacenter" />
      <Form.Item
        name="networkId"
        label={t('net.fip.pool')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <ExternalNetworkSelect datacenterId={datacenterId} testId="fip-create-network" />
      </Form.Item>
      <Form.Item name="description" label={t('common.description')}>
        <Input maxLength={255} data-testid="fip-create-description" />
      </Form.Item>
    </TaskFormModal>
  );
}
