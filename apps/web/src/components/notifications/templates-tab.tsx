'use client';

import { useQuery } from '@tanstack/react-query';
import type { EventTypeInfo } from '@yunguan/contract';
import { listEventTypes, previewTemplate, resetTemplate, updateTemplate } from '@yunguan/contract';
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useSaveMutation } from '@/components/common/use-contract-mutation';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';

type Values = { subject: string; body: string };

/** Edit an event type's template per language, with a live preview rendered by the API. */
export function TemplatesTab() {
  const { t, lang } = useI18n();
  const query = useQuery(queryOptionsFor(listEventTypes, {}));
  const [eventType, setEventType] = useState('alert.firing');
  const [locale, setLocale] = useState<'zh-CN' | 'en'>(lang);
  const event = query.data?.items.find((e) => e.type === eventType);
  const template = event?.templates.find((x) => x.locale === locale);
  return (
    <>
      <ErrorAlert error={query.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 240 }}
          value={eventType}
          onChange={setEventType}
          data-testid="template-event"
          options={(query.data?.items ?? []).map((e) => ({ value: e.type, label: e.type }))}
        />
        <Select
          style={{ width: 140 }}
          value={locale}
          onChange={setLocale}
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
        />
        {template &&
          (template.builtIn ? (
            <Tag>{t('notify.template.builtIn')}</Tag>
          ) : (
            <Tag color="orange">{t('notify.template.custom')}</Tag>
          ))}
      </Space>
      {event && template && (
        <TemplateEditor
          key={`${eventType}/${locale}`}
          event={event}
          locale={locale}
          template={template}
        />
      )}
    </>
  );
}

function TemplateEditor(props: {
  event: EventTypeInfo;
  locale: 'zh-CN' | 'en';
  template: EventTypeInfo['templates'][number];
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const subject = Form.useWatch('subject', form) ?? props.template.subject;
  const body = Form.useWatch('body', form) ?? props.template.body;
  const params = { eventType: props.event.type, locale: props.locale };
  useEffect(
    () => form.setFieldsValue({ subject: props.template.subject, body: props.template.body }),
    [form, props.template],
  );
  const preview = useQuery({
    ...queryOptionsFor(previewTemplate, { body: { eventType: props.event.type, subject, body } }),
    enabled: subject.length > 0 && body.length > 0,
    retry: false,
  });
  const save = useSaveMutation(form, {
    save: (v: Values) => callContract(updateTemplate, { params, body: v }),
    stale: [listEventTypes],
    successText: t('common.saved'),
  });
  const reset = useSaveMutation(form, {
    save: () => callContract(resetTemplate, { params }),
    stale: [listEventTypes],
    successText: t('common.saved'),
  });
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          data-testid="template-form"
        >
          <Form.Item
            name="subject"
            label={t('notify.template.subject')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input data-testid="template-subject" />
          </Form.Item>
          <Form.Item
            name="body"
            label={t('notify.template.body')}
            extra={t('notify.template.help')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={8} data-testid="template-body" />
          </Form.Item>
          <ErrorAlert error={save.error ?? reset.error} />
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={save.isPending}
              data-testid="template-save"
            >
              {t('common.save')}
            </Button>
            {!props.template.builtIn && (
              <Popconfirm
                title={t('notify.template.reset')}
                onConfirm={() => reset.mutate({ subject: '', body: '' })}
              >
                <Button>{t('notify.template.reset')}</Button>
              </Popconfirm>
            )}
          </Space>
        </Form>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('notify.template.variables')}
        </Typography.Title>
        <Space wrap>
          {props.event.variables.map((v) => (
            <Tag key={v.name} title={v.sample}>
              {`{{${v.name}}}`} {lang === 'en' ? v.en : v.zh}
            </Tag>
          ))}
        </Space>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('notify.template.preview')} data-testid="template-preview">
          <ErrorAlert error={preview.error} />
          {preview.data && (
            <>
              <Typography.Text strong>{preview.data.subject}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
                {preview.data.body}
              </Typography.Paragraph>
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
