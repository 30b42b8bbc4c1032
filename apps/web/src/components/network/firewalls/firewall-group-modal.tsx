'use client';

import type { CreateFirewallGroupInput } from '@yunguan/contract';
import { createFirewallGroup, listFirewallPolicies } from '@yunguan/contract';
import { Form, Select, Switch } from 'antd';
import { NameItem } from '@/components/common/form-items';
import { useI18n } from '@/i18n/i18n-provider';
import { useCurrentProject } from '@/lib/current-project';
import { DatacenterField } from '../common/datacenter-field';
import { TaskFormModal } from '../common/task-form-modal';
import { useProjectItems } from '../common/use-project-items';

/** A group: ingress and egress policies; bound to router interface ports it becomes ACTIVE. */
export function FirewallGroupModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { projectId } = useCurrentProject();
  const [form] = Form.useForm<CreateFirewallGroupInput>();
  const policies = useProjectItems(listFirewallPolicies, props.open);
  const options = (prefix: string) =>
    policies.items.map((p) => ({
      value: p.id,
      label: <span data-testid={`${prefix}-${p.name}`}>{p.name}</span>,
    }));
  return (
    <TaskFormModal<CreateFirewallGroupInput>
      open={props.open}
      onClose={props.onClose}
      title={t('net.fw.createGroup')}
      form={form}
      contract={createFirewallGroup}
      prefix="fw-group-create"
      initialValues={{ adminStateUp: true }}
      input={(v) => ({ params: { projectId: projectId ?? '' }, body: v })}
    >
      <DatacenterField testId="fw-group-datacenter" />
      <NameItem testId="fw-group-name" />
      <Form.Item name="ingressPolicyId" label={t('net.fw.ingress')}>
        <Select allowClear data-testid="fw-group-ingress" options={options('fw-group-ingress')} />
      </Form.Item>
      <Form.Item name="egressPolicyId" label={t('net.fw.egress')}>
        <Select allowClear data-testid="fw-group-egress" options={options('fw-group-egress')} />
      </Form.Item>
      <Form.Item name="adminStateUp" label={t('net.adminStateUp')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </TaskFormModal>
  );
}
