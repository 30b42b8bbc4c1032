'use client';

import { Form, Select } from 'antd';
import { useEffect } from 'react';
import { useDatacenterChoice } from '@/components/compute/datacenter-choice';
import { useI18n } from '@/i18n/i18n-provider';

/** The datacenter a create form targets (the remembered one, filled in once known). */
export function DatacenterField({ testId }: { testId: string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const choice = useDatacenterChoice();
  const chosen = Form.useWatch('datacenterId', form) as string | undefined;
  useEffect(() => {
    if (!chosen && choice.datacenterId) form.setFieldValue('datacenterId', choice.datacenterId);
  }, [chosen, choice.datacenterId, form]);
  return (
    <Form.Item
      name="datacenterId"
      label={t('compute.datacenter')}
      rules={[{ required: true, message: t('common.required') }]}
    >
      <Select
        loading={choice.query.isPending}
        data-testid={testId}
        onChange={(id: string) => choice.choose(id)}
        options={choice.datacenters.map((d) => ({
          value: d.id,
          label: <span data-testid={`${testId}-${d.name}`}>{d.name}</span>,
        }))}
      />
    </Form.Item>
  );
}
