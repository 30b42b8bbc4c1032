'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { disableTotp, enableTotp, getMe, setupTotp } from '@yunguan/contract';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { useMe } from '@/lib/me-context';

const codeRule = /^\d{6}$/;

/** Two-factor setup: start (secret + otpauth URI shown as text), confirm with a code; or off. */
export function TotpModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: [getMe.id] });

  const setup = useMutation({ mutationFn: () => callContract(setupTotp, {}) });
  const enable = useMutation({
    mutationFn: (code: string) => callContract(enableTotp, { body: { code } }),
    onSuccess: async () => {
      void message.success(t('totp.enabledDone'));
      setup.reset();
      await refreshMe();
      onClose();
    },
  });
  const disable = useMutation({
    mutationFn: (password: string) => callContract(disableTotp, { body: { password } }),
    onSuccess: async () => {
      void message.success(t('totp.disabledDone'));
      await refreshMe();
      onClose();
    },
  });

  const enabled = me.user.totpEnabled;
  return (
    <Modal open={open} title={t('totp.title')} onCancel={onClose} footer={null} destroyOnHidden>
      {enabled ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={t('totp.enabled')} />
          <ErrorAlert error={disable.error} />
          <Form
            layout="vertical"
            onFinish={(v: { password: string }) => disable.mutate(v.password)}
          >
            <Form.Item
              name="password"
              label={t('totp.disablePassword')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.Password autoComplete="current-password" data-testid="totp-disable-password" />
            </Form.Item>
            <Button danger htmlType="submit" loading={disable.isPending} data-testid="totp-disable">
              {t('totp.disable')}
            </Button>
          </Form>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('totp.disabled')} />
          <ErrorAlert error={setup.error ?? enable.error} />
          {!setup.data ? (
            <Button
              type="primary"
              loading={setup.isPending}
              onClick={() => setup.mutate()}
              data-testid="totp-start"
            >
              {t('totp.start')}
            </Button>
          ) : (
            <>
              <Typography.Paragraph>{t('totp.step1')}</Typography.Paragraph>
              <Typography.Text type="secondary">{t('totp.uri')}</Typography.Text>
              <Typography.Paragraph copyable code data-testid="totp-uri">
                {setup.data.otpauthUri}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('totp.secret')}</Typography.Text>
              <Typography.Paragraph copyable code data-testid="totp-secret">
                {setup.data.secret}
              </Typography.Paragraph>
              <Typography.Paragraph>{t('totp.step2')}</Typography.Paragraph>
              <Form layout="inline" onFinish={(v: { code: string }) => enable.mutate(v.code)}>
                <Form.Item
                  name="code"
                  rules={[{ required: true, pattern: codeRule, message: t('validation.totp') }]}
                >
                  <Input
                    maxLength={6}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    placeholder="123456"
                    data-testid="totp-code"
                  />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={enable.isPending}
                  data-testid="totp-confirm"
                >
                  {t('totp.confirm')}
                </Button>
              </Form>
            </>
          )}
        </Space>
      )}
    </Modal>
  );
}
