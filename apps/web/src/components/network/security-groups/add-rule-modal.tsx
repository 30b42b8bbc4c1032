'use client';

import type { SecurityGroupItem } from '@yunguan/contract';
import { actOnSecurityGroup, ruleProtocols } from '@yunguan/contract';
import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { TaskFormModal } from '../common/task-form-modal';

type Preset = 'ssh' | 'http' | 'https' | 'icmp' | 'custom';
type Values = {
  preset: Preset;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: (typeof ruleProtocols)[number];
  portRangeMin?: number;
  portRangeMax?: number;
  remoteIpPrefix?: string;
  description?: string;
};

/** What each preset fills in (ingress from anywhere). */
const presets: Record<Exclude<Preset, 'custom'>, Partial<Values>> = {
  ssh: { protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 },
  http: { protocol: 'tcp', portRangeMin: 80, portRangeMax: 80 },
  https: { protocol: 'tcp', portRangeMin: 443, portRangeMax: 443 },
  icmp: { protocol: 'icmp', portRangeMin: undefined, portRangeMax: undefined },
};

/** Add one rule: a preset (SSH 22, HTTP 80, HTTPS 443, ICMP) or a custom one. */
export function AddRuleModal(props: {
  group: SecurityGroupItem;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const preset = Form.useWatch('preset', form);
  const protocol = Form.useWatch('protocol', form);
  const custom = preset === 'custom';
  const ports = protocol === 'tcp' || protocol === 'udp';
  return (
    <TaskFormModal<Values>
      open={props.open}
      onClose={props.onClose}
      title={`${t('net.sg.addRule')} · ${props.group.name}`}
      form={form}
      contract={actOnSecurityGroup}
      prefix="sg-rule"
      initialValues={{
        preset: 'ssh',
        direction: 'ingress',
        ethertype: 'IPv4',
        remoteIpPrefix: '0.0.0.0/0',
        ...presets.ssh,
      }}
      input={({ preset: chosen, ...v }) => ({
        params: { id: props.group.id },
        body: {
          action: 'add-rule',
          ...v,
          ...(chosen === 'custom' ? {} : presets[chosen]),
          ...(chosen === 'icmp' || !ports
            ? { portRangeMin: undefined, portRangeMax: undefined }
            : {}),
        },
      })}
    >
      <Form.Item name="preset" label={t('net.sg.preset')}>
        <Radio.Group
          optionType="button"
          data-testid="sg-rule-preset"
          onChange={(e) => {
            const next = e.target.value as Preset;
            if (next !== 'custom') form.setFieldsValue(presets[next]);
          }}
          options={(['ssh', 'http', 'https', 'icmp', 'custom'] as const).map((p) => ({
            value: p,
            label: <span data-testid={`sg-rule-preset-${p}`}>{t(`net.sg.preset.${p}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name="direction" label={t('net.sg.direction')}>
        <Radio.Group
          options={[
            { value: 'ingress', label: t('net.sg.ingress') },
            { value: 'egress', label: t('net.sg.egress') },
          ]}
        />
      </Form.Item>
      <Form.Item name="ethertype" label={t('net.sg.ethertype')}>
        <Radio.Group options={['IPv4', 'IPv6'].map((e) => ({ value: e, label: e }))} />
      </Form.Item>
      <Form.Item name="protocol" label={t('net.protocol')}>
        <Select
          disabled={!custom}
          data-testid="sg-rule-protocol"
          options={ruleProtocols.map((p) => ({ value: p, label: p.toUpperCase() }))}
        />
      </Form.Item>
      {ports && (
        <Form.Item label={t('net.sg.portRange')} style={{ marginBottom: 0 }}>
          <Form.Item name="portRangeMin" style={{ display: 'inline-block', marginRight: 8 }}>
            <InputNumber
              min={1}
              max={65535}
              disabled={!custom}
              placeholder={t('net.sg.portMin')}
              data-testid="sg-rule-port-min"
            />
          </Form.Item>
          <Form.Item name="portRangeMax" style={{ display: 'inline-block' }}>
            <InputNumber
              min={1}
              max={65535}
              disabled={!custom}
              placeholder={t('net.sg.portMax')}
              data-testid="sg-rule-port-max"
            />
          </Form.Item>
        </Form.Item>
      )}
      <Form.Item name="remoteIpPrefix" label={t('net.sg.remoteIp')}>
        <Input data-testid="sg-rule-remote" placeholder="0.0.0.0/0" />
      </Form.Item>
      <Form.Item name="description" label={t('common.description')}>
        <Input maxLength={255} />
      </Form.Item>
    </TaskFormModal>
  );
}
