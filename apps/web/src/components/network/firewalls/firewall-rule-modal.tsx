'use client';

import type { CreateFirewallRuleInput } from '@yunguan/contract';
import { createFirewallRule, firewallActions, firewallProtocols } from '@yunguan/contract';
import { Form, Input, Radio, Select, Switch } from 'antd';
import { NameItem } from '@/components/common/form-items';
import { useI18n } from '@/i18n/i18n-provider';
import { useCurrentProject } from '@/lib/current-project';
import { DatacenterField } from '../common/datacenter-field';
import { TaskFormModal } from '../common/task-form-modal';

type Values = Omit<CreateFirewallRuleInput, 'protocol'> & { protocol: string };

/** A FWaaS rule: protocol, allow/deny/reject, addresses and ports. */
export function FirewallRuleModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { projectId } = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const protocol = Form.useWatch('protocol', form);
  const ports = protocol === 'tcp' || protocol === 'udp';
  return (
    <TaskFormModal<Values>
      open={props.open}
      onClose={props.onClose}
      title={t('net.fw.createRule')}
      form={form}
      contract={createFirewallRule}
      prefix="fw-rule-create"
      initialValues={{ protocol: 'tcp', action: 'allow', ipVersion: 4, enabled: true }}
      input={(v) => ({ params: { projectId: projectId ?? '' }, body: v })}
    >
      <DatacenterField testId="fw-rule-datacenter" />
      <NameItem testId="fw-rule-name" />
      <Form.Item name="protocol" label={t('net.protocol')}>
        <Select
          data-testid="fw-rule-protocol"
          options={firewallProtocols.map((p) => ({ value: p, label: p.toUpperCase() }))}
        />
      </Form.Item>
      <Form.Item name="action" label={t('net.fw.action')}>
        <Radio.Group
          data-testid="fw-rule-action"
          options={firewallActions.map((a) => ({ value: a, label: t(`net.fw.action.${a}`) }))}
        />
      </Form.Item>
      <Form.Item name="ipVersion" label={t('net.ipVersion')}>
        <Radio.Group options={[4, 6].map((v) => ({ value: v, label: `IPv${v}` }))} />
      </Form.Item>
      <Form.Item name="sourceIpAddress" label={t('net.fw.source')} extra={t('net.fw.addressHint')}>
        <Input data-testid="fw-rule-source" placeholder="10.0.0.0/24" />
      </Form.Item>
      <Form.Item name="destinationIpAddress" label={t('net.fw.destination')}>
        <Input data-testid="fw-rule-destination" />
      </Form.Item>
      {ports && (
        <>
          <Form.Item name="sourcePort" label={t('net.fw.sourcePort')} extra={t('net.fw.portHint')}>
            <Input data-testid="fw-rule-source-port" />
          </Form.Item>
          <Form.Item name="destinationPort" label={t('net.fw.destinationPort')}>
            <Input data-testid="fw-rule-destination-port" placeholder="22" />
          </Form.Item>
        </>
      )}
      <Form.Item name="enabled" label={t('net.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </TaskFormModal>
  );
}
