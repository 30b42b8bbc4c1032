'use client';

import { descriptionSchema, nameSchema } from '@yunguan/contract';
import { Form, Input } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { zodRule } from '@/lib/form-rules';

/** The required `name` field every admin form starts with. */
export function NameItem({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="name"
      label={t('common.name')}
      rules={[
        { required: true, whitespace: true, message: t('common.required') },
        zodRule(nameSchema, t('validation.name')),
      ]}
    >
      <Input maxLength={64} data-testid={testId} />
    </Form.Item>
  );
}

/** The optional free-text `description` field. */
export function DescriptionItem({ testId, rows = 3 }: { testId: string; rows?: number }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="description"
      label={t('common.description')}
      rules={[zodRule(descriptionSchema, t('validation.description'))]}
    >
      <Input.TextArea rows={rows} maxLength={255} data-testid={testId} />
    </Form.Item>
  );
}
