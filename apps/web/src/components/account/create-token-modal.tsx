'use client';

import { createApiToken, listApiTokens } from '@yunguan/contract';
import { Alert, Form, InputNumber, Typography } from 'antd';
import { FormModal } from '@/components/common/form-dialogs';
import { NameItem } from '@/components/common/form-items';
import { useSaveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';

type Values = { name: string; expiresInDays?: number | null };

/** Create a token; the secret is shown here once and never again. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const mutation = useSaveMutation(form, {
    save: (v: Values) =>
      callContract(createApiToken, {
        body: { name: v.name, expiresInDays: v.expiresInDays ?? undefined },
      }),
    stale: [listApiTokens],
  });
  const created = mutation.data;

  return (
    <FormModal
      open={open}
      title={created ? t('tokens.createdTitle') : t('tokens.create')}
      onClose={onClose}
      onOk={() => (created ? onClose() : form.submit())}
      okText={created ? t('common.close') : t('common.create')}
      hideCancel={!!created}
      form={form}
      mutation={mutation}
      submitTestId="token-form-submit"
      errorTestId="token-form-error"
      done={
        created && (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('tokens.shownOnce')}
              style={{ marginBottom: 16 }}
            />
            <Typography.Paragraph copyable code data-testid="token-secret">
              {created.token}
            </Typography.Paragraph>
          </>
        )
      }
    >
      <NameItem testId="token-form-name" />
      <Form.Item
        name="expiresInDays"
        label={t('tokens.expiresInDays')}
        extra={t('tokens.expiresInDaysHelp')}
      >
        <InputNumber min={1} max={3650} precision={0} data-testid="token-form-days" />
      </Form.Item>
    </FormModal>
  );
}
