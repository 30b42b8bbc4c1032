'use client';

import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { listAuditEvents } from '@yunguan/contract';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { ComponentProps } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { contractUrl } from '@/lib/api';

export type AuditFilter = {
  actor?: string;
  action?: string;
  result?: 'success' | 'failure';
  from?: string;
  to?: string;
};

type RangeValue = Parameters<
  NonNullable<ComponentProps<typeof DatePicker.RangePicker>['onChange']>
>[0];
type FormValues = Omit<AuditFilter, 'from' | 'to'> & { range?: RangeValue };

const clean = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/** Actor, action prefix, result and time range; the CSV link exports with the same filters. */
export function AuditFilters(props: { value: AuditFilter; onChange: (f: AuditFilter) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();

  const apply = (v: FormValues) =>
    props.onChange({
      actor: clean(v.actor),
      action: clean(v.action),
      result: v.result,
      from: v.range?.[0]?.toISOString(),
      to: v.range?.[1]?.toISOString(),
    });

  const csvHref = contractUrl(listAuditEvents, { query: { ...props.value, format: 'csv' } });

  return (
    <Form form={form} layout="inline" onFinish={apply} data-testid="audit-filters">
      <Flex wrap gap={8} style={{ marginBottom: 16, width: '100%' }}>
        <Form.Item name="actor" noStyle>
          <Input
            allowClear
            placeholder={t('audit.actor')}
            style={{ width: 160 }}
            data-testid="audit-filter-actor"
          />
        </Form.Item>
        <Form.Item name="action" noStyle>
          <Input
            allowClear
            placeholder={t('audit.actionPrefix')}
            style={{ width: 180 }}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="result" noStyle>
          <Select
            allowClear
            placeholder={t('audit.result')}
            style={{ width: 120 }}
            options={[
              { value: 'success', label: t('audit.result.success') },
              { value: 'failure', label: t('audit.result.failure') },
            ]}
            data-testid="audit-filter-result"
          />
        </Form.Item>
        <Form.Item name="range" noStyle>
          <DatePicker.RangePicker showTime data-testid="audit-filter-range" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SearchOutlined />}
          data-testid="audit-apply"
        >
          {t('audit.apply')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            props.onChange({});
          }}
        >
          {t('audit.reset')}
        </Button>
        <Button icon={<DownloadOutlined />} href={csvHref} data-testid="audit-export-csv">
          {t('audit.exportCsv')}
        </Button>
      </Flex>
    </Form>
  );
}
