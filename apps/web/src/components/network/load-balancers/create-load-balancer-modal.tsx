'use client';

import type { CreateLoadBalancerInput } from '@yunguan/contract';
import { createLoadBalancer } from '@yunguan/contract';
import { Form, Input, Select } from 'antd';
import { DescriptionItem, NameItem } from '@/components/common/form-items';
import { useI18n } from '@/i18n/i18n-provider';
import { useCurrentProject } from '@/lib/current-project';
import { DatacenterField } from '../common/datacenter-field';
import { TaskFormModal } from '../common/task-form-modal';
import { useProjectSubnets } from '../common/use-network-options';

/** A load balancer with its VIP on a subnet of the project. */
export function CreateLoadBalancerModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { projectId } = useCurrentProject();
  const [form] = Form.useForm<CreateLoadBalancerInput>();
  const datacenterId = Form.useWatch('datacenterId', form) as string | undefined;
  const subnets = useProjectSubnets();
  return (
    <TaskFormModal<CreateLoadBalancerInput>
      open={props.open}
      onClose={props.onClose}
      title={t('net.lb.create')}
      form={form}
      contract={createLoadBalancer}
      prefix="lb-create"
      input={(v) => ({ params: { projectId: projectId ?? '' }, body: v })}
    >
      <DatacenterField testId="lb-create-datacenter" />
      <NameItem testId="lb-create-name" />
      <DescriptionItem testId="lb-create-description" rows={2} />
      <Form.Item
        name="vipSubnetId"
        label={t('net.lb.vipSubnet')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          data-testid="lb-create-subnet"
          options={subnets.items
            .filter((s) => s.datacenterId === datacenterId)
            .map((s) => ({
              value: s.id,
              label: (
                <span data-testid={`lb-create-subnet-${s.name}`}>
                  {s.name} ({s.spec.cidr})
                </span>
              ),
            }))}
        />
      </Form.Item>
      <Form.Item name="vipAddress" label={t('net.lb.vip')}>
        <Input placeholder="10.0.0.100" data-testid="lb-create-vip" />
      </Form.Item>
    </TaskFormModal>
  );
}
