'use client';

import type { Channel, ChannelKind } from '@yunguan/contract';
import { channelKinds, createChannel, listChannels, updateChannel } from '@yunguan/contract';
import { Form, InputNumber, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { ProjectSelect } from '@/components/admin/project-select';
import { FormModal } from '@/components/common/form-dialogs';
import { NameItem } from '@/components/common/form-items';
import { useSaveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { useMe } from '@/lib/me-context';
import { ChannelKindFields } from './channel-kind-fields';

export type ChannelValues = {
  kind: ChannelKind;
  name: string;
  projectId?: string;
  locale: 'zh-CN' | 'en';
  ratePerMinute: number;
  enabled: boolean;
  settings: Record<string, unknown>;
  secret: Record<string, string | undefined>;
};

/** Empty strings are "not given": an optional setting left out, a secret kept. */
const compact = (o: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );

/** Create or edit a channel; secrets are write-only (an empty secret field keeps the stored one). */
export function ChannelFormModal(props: {
  open: boolean;
  editing: Channel | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<ChannelValues>();
  const { open, editing, onClose } = props;
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'email';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? {
            kind: editing.kind,
            name: editing.name,
            projectId: editing.projectId ?? undefined,
            locale: editing.locale,
            ratePerMinute: editing.ratePerMinute,
            enabled: editing.enabled,
            settings: editing.settings,
            secret: {},
          }
        : {
            kind: 'email',
            locale: 'zh-CN',
            ratePerMinute: 60,
            enabled: true,
            settings: { port: 587, security: 'starttls' },
            secret: {},
          },
    );
  }, [open, editing, form]);

  const mutation = useSaveMutation(form, {
    save: async (v: ChannelValues) => {
      const settings = compact(v.settings);
      const secret = compact(v.secret);
      const common = {
        name: v.name,
        locale: v.locale,
        ratePerMinute: v.ratePerMinute,
        enabled: v.enabled,
      };
      if (editing)
        return callContract(updateChannel, {
          params: { id: editing.id },
          body: {
            kind: editing.kind,
            ...common,
            settings,
            ...(Object.keys(secret).length ? { secret } : {}),
          } as never,
        });
      return callContract(createChannel, {
        body: {
          kind: v.kind,
          ...common,
          ...(v.projectId ? { projectId: v.projectId } : {}),
          settings,
          secret,
        } as never,
      });
    },
    stale: [listChannels],
    successText: editing ? t('common.saved') : t('common.created'),
    onSaved: onClose,
  });

  return (
    <FormModal
      open={open}
      title={editing ? t('notify.channel.edit') : t('notify.channel.create')}
      onClose={onClose}
      okText={editing ? t('common.save') : t('common.create')}
      form={form}
      mutation={mutation}
      submitTestId="channel-form-submit"
      errorTestId="channel-form-error"
      formTestId="channel-form"
    >
      <Form.Item
        name="kind"
        label={t('notify.channel.kind')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          disabled={editing !== null}
          data-testid="channel-form-kind"
          options={channelKinds.map((k) => ({
            value: k,
            label: <span data-testid={`channel-kind-${k}`}>{t(`notify.kind.${k}`)}</span>,
          }))}
        />
      </Form.Item>
      <NameItem testId="channel-form-name" />
      <Form.Item
        name="projectId"
        label={t('notify.channel.project')}
        extra={t('notify.channel.projectHelp')}
      >
        <ProjectSelect
          allowClear
          disabled={editing !== null}
          data-testid="channel-form-project"
          placeholder={me.isPlatformAdmin ? t('notify.scope.platform') : undefined}
        />
      </Form.Item>
      <ChannelKindFields kind={kind} editing={editing} />
      <Form.Item name="locale" label={t('notify.channel.locale')}>
        <Select
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Form.Item>
      <Form.Item name="ratePerMinute" label={t('notify.channel.rate')}>
        <InputNumber min={1} max={600} />
      </Form.Item>
      <Form.Item name="enabled" label={t('notify.channel.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
