'use client';

import { Alert } from 'antd';
import { isApiError } from '@/lib/api-error';
import { useI18n } from '@/i18n/i18n-provider';

/** The server's (already localised) message, its field issues and the request id. */
export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : t('common.invalid');
  const api = isApiError(error) ? error : undefined;
  const description =
    api && (api.issues.length > 0 || api.requestId) ? (
      <>
        {api.issues.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {api.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                {issue.path ? `${issue.path}: ` : ''}
                {issue.message}
              </li>
            ))}
          </ul>
        )}
        {api.requestId && (
          <small style={{ opacity: 0.7 }}>{t('common.requestId', { id: api.requestId })}</small>
        )}
      </>
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      description={description}
      data-testid={testId ?? 'error-alert'}
      style={{ marginBottom: 16 }}
    />
  );
}
