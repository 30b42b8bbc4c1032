'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Quota } from '@yunguan/contract';
import { createQuota, listQuotas, updateQuota } from '@yunguan/contract';
import { App, Checkbox, Form, InputNumber } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '@/components/common/form-dialogs';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';

type Values = { limit: number | null; unlimited: boolean };

const MAX_LIMIT = 10_000_000;

/** Change one limit: POST when the row is still the default (id null), else PATCH. */
export function QuotaEditModal(props: { open: boolean; quota: Quota | null; onClose: () => void }) {
  const { open, quota, onClose } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const unlimited = Form.useWatch('unlimited', form);

  useEffect(() => {
    if (!open || !quota) return;
    form.setFieldsValue({
      unlimited: quota.limit === -1,
      limit: quota.limit === -1 ? null : quota.limit,
    });
  }, [open, quota, form]);

  const mutation = useMutation({
    mutationFn: (v: Values) => {
      if (!quota) throw new Error('no quota selected');
      const limit = v.unlimited ? -1 : (v.limit ?? 0);
      if (quota.id) return callContract(updateQuota, { params: { id: quota.id }, body: { limit } });
      return callContract(createQuota, {
        body:
          quota.scope === 'department'
            ? {
                scope: 'department',
                departmentId: quota.departmentId,
                resource: quota.resource,
                limit,
              }
            : {
                scope: 'project',
                projectId: quota.projectId ?? '',
                resource: quota.resource,
                limit,
              },
      });
    },
    onSuccess: async () => {
      void message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: [listQuotas.id] });
      onClose();
    },
  });

  return (
    <FormModal
      open={open}
      title={
        quota
          ? `${t('quotas.edit')} · ${quota.ownerName} · ${t(`quotas.res.${quota.resource}`)}`
          : ''
      }
      onClose={onClose}
      form={form}
      mutation={mutation}
      submitTestId="quota-form-submit"
      errorTestId="quota-form-error"
      formTestId="quota-form"
    >
      <Form.Item name="unlimited" valuePropName="checked">
        <Checkbox data-testid="quota-form-unlimited">{t('quotas.unlimitedSwitch')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="limit"
        label={t('quotas.limit')}
        rules={[{ required: !unlimited, message: t('common.required') }]}
      >
        <InputNumber
          min={0}
          max={MAX_LIMIT}
          precision={0}
          disabled={!!unlimited}
          style={{ width: 200 }}
          data-testid="quota-form-limit"
        />
      </Form.Item>
    </FormModal>
  );
}
