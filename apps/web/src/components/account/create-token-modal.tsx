'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createApiToken, listApiTokens, nameSchema } from '@yunguan/contract';
import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { applyServerIssues, zodRule } from '@/lib/form-rules';

type Values = { name: string; expiresInDays?: number | null };

/** Create a token; the secret is shown here once and never again. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      callContract(createApiToken, {
        body: { name: v.name, expiresInDays: v.expiresInDays ?? undefined },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [listApiTokens.id] }),
    onError: (error) => applyServerIssues(form, error),
  });
  const created = mutation.data;

  return (
    <Modal
      open={open}
      title={created ? t('tokens.createdTitle') : t('tokens.create')}
      onCancel={onClose}
      onOk={() => (created ? onClose() : form.submit())}
      okText={created ? t('common.close') : t('common.create')}
      cancelButtonProps={{ style: created ? { display: 'none' } : undefined }}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'token-form-submit' }}
      afterClose={() => {
        form.resetFields();
        mutation.reset();
      }}
      forceRender
    >
      {created ? (
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
      ) : (
        <>
          <ErrorAlert error={mutation.error} testId="token-form-error" />
          <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
            <Form.Item
              name="name"
              label={t('common.name')}
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                zodRule(nameSchema, t('validation.name')),
              ]}
            >
              <Input maxLength={64} data-testid="token-form-name" />
            </Form.Item>
            <Form.Item
              name="expiresInDays"
              label={t('tokens.expiresInDays')}
              extra={t('tokens.expiresInDaysHelp')}
            >
              <InputNumber min={1} max={3650} precision={0} data-testid="token-form-days" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
