'use client';

import type { Channel } from '@yunguan/contract';
import { listDeliveries, listChannels, testChannel } from '@yunguan/contract';
import { Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '@/components/common/form-dialogs';
import { useSaveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { useMe } from '@/lib/me-context';

type Values = { to?: string };

/** Queue a channel.test message; email and WeCom app ask whom to (default: oneself). */
export function SendTestModal(props: {
  open: boolean;
  channel: Channel | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { open, channel, onClose } = props;
  const personal = channel?.kind === 'email' || channel?.kind === 'wecom-app';

  useEffect(() => {
    if (open) form.setFieldsValue({ to: channel?.kind === 'email' ? (me.user.email ?? '') : '' });
  }, [open, channel, form, me.user.email]);

  const mutation = useSaveMutation(form, {
    save: (v: Values) =>
      callContract(testChannel, {
        params: { id: channel?.id ?? '' },
        body: { ...(v.to ? { to: v.to } : {}), locale: lang },
      }),
    stale: [listDeliveries, listChannels],
    successText: t('notify.test.queued'),
    onSaved: onClose,
  });

  return (
    <FormModal
      open={open}
      title={t('notify.test.title', { name: channel?.name ?? '' })}
      onClose={onClose}
      okText={t('notify.channel.sendTest')}
      form={form}
      mutation={mutation}
      submitTestId="channel-test-submit"
      errorTestId="channel-test-error"
      formTestId="channel-test-form"
    >
      {personal ? (
        <Form.Item
          name="to"
          label={t('notify.test.to')}
          extra={
            channel?.kind === 'email' ? t('notify.test.toEmailHelp') : t('notify.test.toWecomHelp')
          }
        >
          <Input data-testid="channel-test-to" />
        </Form.Item>
      ) : (
        <Typography.Paragraph type="secondary">{t('notify.test.groupHelp')}</Typography.Paragraph>
      )}
    </FormModal>
  );
}
