'use client';

import type { CreateFirewallPolicyInput } from '@yunguan/contract';
import { createFirewallPolicy, listFirewallRules } from '@yunguan/contract';
import { Form, Select, Switch } from 'antd';
import { NameItem } from '@/components/common/form-items';
import { useI18n } from '@/i18n/i18n-provider';
import { useCurrentProject } from '@/lib/current-project';
import { DatacenterField } from '../common/datacenter-field';
import { TaskFormModal } from '../common/task-form-modal';
import { useProjectItems } from '../common/use-project-items';

/** A policy: the project's rules in the order chosen. */
export function FirewallPolicyModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { projectId } = useCurrentProject();
  const [form] = Form.useForm<CreateFirewallPolicyInput>();
  const rules = useProjectItems(listFirewallRules, props.open);
  return (
    <TaskFormModal<CreateFirewallPolicyInput>
      open={props.open}
      onClose={props.onClose}
      title={t('net.fw.createPolicy')}
      form={form}
      contract={createFirewallPolicy}
      prefix="fw-policy-create"
      initialValues={{ ruleIds: [], audited: false }}
      input={(v) => ({ params: { projectId: projectId ?? '' }, body: v })}
    >
      <DatacenterField testId="fw-policy-datacenter" />
      <NameItem testId="fw-policy-name" />
      <Form.Item name="ruleIds" label={t('net.fw.rulesInOrder')} extra={t('net.fw.rulesHint')}>
        <Select
          mode="multiple"
          loading={rules.query.isPending}
          data-testid="fw-policy-rules"
          options={rules.items.map((r) => ({
            value: r.id,
            label: <span data-testid={`fw-policy-rule-${r.name}`}>{r.name}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name="audited" label={t('net.fw.audited')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </TaskFormModal>
  );
}
