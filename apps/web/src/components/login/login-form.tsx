'use client';

import { CloudOutlined, LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login } from '@yunguan/contract';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { LanguageSwitch, ThemeSwitch } from '@/components/shell/preference-switches';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';

type Credentials = { username: string; password: string };

/** Only same-origin paths are followed after login (no open redirect). */
const safeNext = (next: string | undefined): string =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
    ? next
    : '/console';

export function LoginForm({ next }: { next?: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [credentials, setCredentials] = useState<Credentials | null>(null);

  const mutation = useMutation({
    mutationFn: (body: Credentials & { totpCode?: string }) => callContract(login, { body }),
    onSuccess: (result, body) => {
      if (result.status === 'totp_required') {
        setCredentials({ username: body.username, password: body.password });
        return;
      }
      queryClient.clear();
      router.replace(safeNext(next));
    },
  });

  const backToPassword = () => {
    setCredentials(null);
    mutation.reset();
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: 380 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <CloudOutlined /> {t('app.name')}
          </Typography.Title>
          <Flex gap={8} align="center">
            <LanguageSwitch />
            <ThemeSwitch />
          </Flex>
        </Flex>
        <Typography.Paragraph type="secondary">
          {credentials ? t('login.totpHint') : t('login.subtitle')}
        </Typography.Paragraph>
        <ErrorAlert error={mutation.error} testId="login-error" />
        {credentials ? (
          <Form
            key="totp"
            layout="vertical"
            onFinish={(v: { totpCode: string }) => mutation.mutate({ ...credentials, ...v })}
            data-testid="login-totp-form"
          >
            <Form.Item
              name="totpCode"
              label={t('login.totpCode')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('validation.totp') }]}
            >
              <Input
                prefix={<SafetyOutlined />}
                maxLength={6}
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
                data-testid="login-totp"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={mutation.isPending}
              data-testid="login-totp-submit"
            >
              {t('login.verify')}
            </Button>
            <Button type="link" block onClick={backToPassword} style={{ marginTop: 8 }}>
              {t('login.back')}
            </Button>
          </Form>
        ) : (
          <Form
            key="password"
            layout="vertical"
            onFinish={(v: Credentials) => mutation.mutate(v)}
            data-testid="login-form"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={mutation.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </Flex>
  );
}
