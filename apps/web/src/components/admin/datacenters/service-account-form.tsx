'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  datacenterCredentialsInput,
  getDatacenterCredentials,
  getSyncState,
  putDatacenterCredentials,
} from '@yunguan/contract';
import type { DatacenterCredentialsInput } from '@yunguan/contract';
import { Alert, Button, Card, Form, Input, Tag } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { applyServerIssues, zodRule } from '@/lib/form-rules';

type Values = DatacenterCredentialsInput;
const shape = datacenterCredentialsInput.shape;
const fields = ['username', 'userDomainName', 'projectName', 'projectDomainName'] as const;

/** The cloud service account the portal uses in this datacenter (PUT credentials). The
 * password is never shown back; saving tries it through the tunnel first. */
export function ServiceAccountForm({ datacenterId }: { datacenterId: string }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const options = queryOptionsFor(getDatacenterCredentials, { params: { id: datacenterId } });
  const query = useQuery(options);
  const save = useMutation({
    mutationFn: (body: Values) =>
      callContract(putDatacenterCredentials, { params: { id: datacenterId }, body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(options.queryKey, saved);
      form.setFieldValue('password', '');
      await queryClient.invalidateQueries({ queryKey: [getSyncState.id] });
    },
    onError: (error) => applyServerIssues(form, error),
  });
  const c = query.data;
  useEffect(() => {
    if (!c) return;
    form.setFieldsValue({
      authPath: c.authPath ?? '/identity/v3',
      username: c.username ?? undefined,
      userDomainName: c.userDomainName ?? 'Default',
      projectName: c.projectName ?? undefined,
      projectDomainName: c.projectDomainName ?? 'Default',
      regionName: c.regionName ?? undefined,
    });
  }, [c, form]);

  const verification = save.data?.verification;
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Card
      size="small"
      title={t('serviceAccount.title')}
      style={{ marginTop: 20 }}
      loading={query.isPending}
      data-testid="service-account"
      extra={
        c?.configured ? (
          c.verifiedAt ? (
            <Tag color="green" data-testid="service-account-state">
              {t('serviceAccount.verifiedAt', { time: formatDateTime(c.verifiedAt, lang) })}
            </Tag>
          ) : (
            <Tag color="orange" data-testid="service-account-state">
              {t('serviceAccount.unverified')}
            </Tag>
          )
        ) : (
          <Tag data-testid="service-account-state">{t('serviceAccount.notConfigured')}</Tag>
        )
      }
    >
      <ErrorAlert error={query.error ?? save.error} testId="service-account-error" />
      {verification && (
        <Alert
          type={verification.state === 'verified' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={t(`serviceAccount.saved.${verification.state}`)}
          description={verification.message ?? undefined}
          data-testid="service-account-verification"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        size="small"
        onFinish={(v) => save.mutate({ ...v, regionName: v.regionName?.trim() || undefined })}
      >
        <Form.Item
          name="authPath"
          label={t('serviceAccount.authPath')}
          rules={[zodRule(shape.authPath, t('serviceAccount.authPathRule'))]}
        >
          <Input data-testid="service-account-authPath" />
        </Form.Item>
        {fields.map((name) => (
          <Form.Item key={name} name={name} label={t(`serviceAccount.${name}`)} rules={[required]}>
            <Input maxLength={255} data-testid={`service-account-${name}`} />
          </Form.Item>
        ))}
        <Form.Item
          name="password"
          label={t('serviceAccount.password')}
          extra={c?.configured ? t('serviceAccount.passwordHelp') : undefined}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="service-account-password" />
        </Form.Item>
        <Form.Item name="regionName" label={t('serviceAccount.regionName')}>
          <Input maxLength={255} data-testid="service-account-regionName" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          data-testid="service-account-save"
        >
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
