'use client';

import type { Channel, ChannelKind } from '@yunguan/contract';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '@/i18n/i18n-provider';

/** A write-only secret: a password box whose placeholder says whether a value is stored. */
function SecretItem(props: {
  field: string;
  label: ReactNode;
  editing: Channel | null;
  required: boolean;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const configured = props.editing?.secrets[props.field]?.configured ?? false;
  return (
    <Form.Item
      name={['secret', props.field]}
      label={props.label}
      extra={props.extra}
      rules={
        props.required && !configured ? [{ required: true, message: t('common.required') }] : []
      }
    >
      <Input.Password
        autoComplete="new-password"
        placeholder={configured ? t('notify.secret.configured') : t('notify.secret.notSet')}
        data-testid={`channel-form-secret-${props.field}`}
      />
    </Form.Item>
  );
}

const required = (t: (k: 'common.required') => string) => [
  { required: true, whitespace: true, message: t('common.required') },
];

/** The settings and secrets of one channel kind. */
export function ChannelKindFields({
  kind,
  editing,
}: {
  kind: ChannelKind;
  editing: Channel | null;
}) {
  const { t } = useI18n();
  switch (kind) {
    case 'email':
      return (
        <>
          <Form.Item name={['settings', 'host']} label={t('notify.email.host')} rules={required(t)}>
            <Input placeholder="smtp.example.com" data-testid="channel-form-host" />
          </Form.Item>
          <Form.Item name={['settings', 'port']} label={t('notify.email.port')}>
            <InputNumber min={1} max={65535} data-testid="channel-form-port" />
          </Form.Item>
          <Form.Item name={['settings', 'security']} label={t('notify.email.security')}>
            <Select
              data-testid="channel-form-security"
              options={(['starttls', 'tls', 'none'] as const).map((s) => ({
                value: s,
                label: (
                  <span data-testid={`channel-security-${s}`}>
                    {t(`notify.email.security.${s}`)}
                  </span>
                ),
              }))}
            />
          </Form.Item>
          <Form.Item name={['settings', 'from']} label={t('notify.email.from')} rules={required(t)}>
            <Input placeholder="yunguan@example.com" data-testid="channel-form-from" />
          </Form.Item>
          <Form.Item name={['settings', 'username']} label={t('notify.email.username')}>
            <Input autoComplete="off" data-testid="channel-form-username" />
          </Form.Item>
          <SecretItem
            field="password"
            label={t('notify.email.password')}
            editing={editing}
            required={false}
          />
          <Form.Item name={['settings', 'tlsCa']} label={t('notify.email.tlsCa')}>
            <Input.TextArea rows={2} placeholder="-----BEGIN CERTIFICATE-----" />
          </Form.Item>
        </>
      );
    case 'wecom-robot':
      return (
        <>
          <SecretItem
            field="key"
            label={t('notify.wecom.key')}
            editing={editing}
            required
            extra={t('notify.wecom.keyHelp')}
          />
          <Form.Item
            name={['settings', 'baseUrl']}
            label={t('notify.wecom.baseUrl')}
            extra={t('notify.wecom.baseUrlHelp')}
          >
            <Input placeholder="https://qyapi.weixin.qq.com" />
          </Form.Item>
          <Form.Item
            name={['settings', 'mentionAll']}
            label={t('notify.wecom.mentionAll')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </>
      );
    case 'wecom-app':
      return (
        <>
          <Form.Item
            name={['settings', 'corpId']}
            label={t('notify.wecom.corpId')}
            rules={required(t)}
          >
            <Input placeholder="ww0123456789abcdef" />
          </Form.Item>
          <Form.Item
            name={['settings', 'agentId']}
            label={t('notify.wecom.agentId')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} style={{ width: 200 }} />
          </Form.Item>
          <SecretItem field="secret" label={t('notify.wecom.secret')} editing={editing} required />
          <Form.Item name={['settings', 'toParty']} label={t('notify.wecom.toParty')}>
            <Input placeholder="2|3" />
          </Form.Item>
          <Form.Item
            name={['settings', 'baseUrl']}
            label={t('notify.wecom.baseUrl')}
            extra={t('notify.wecom.baseUrlHelp')}
          >
            <Input placeholder="https://qyapi.weixin.qq.com" />
          </Form.Item>
        </>
      );
    case 'webhook':
      return (
        <>
          <Form.Item
            name={['settings', 'url']}
            label={t('notify.webhook.url')}
            rules={required(t)}
            extra={t('notify.webhook.help')}
          >
            <Input placeholder="https://hooks.example.com/yunguan" data-testid="channel-form-url" />
          </Form.Item>
          <SecretItem
            field="secret"
            label={t('notify.webhook.secret')}
            editing={editing}
            required
          />
        </>
      );
  }
}
