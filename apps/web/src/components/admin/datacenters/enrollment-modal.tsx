'use client';

import type { Enrollment } from '@yunguan/contract';
import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';

export type ShownEnrollment = {
  name: string;
  enrollment: Enrollment;
  /** A new token for an existing datacenter (re-enroll / rotate the agent key). */
  rotation: boolean;
};

const preStyle = { whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: '4px 0 0' } as const;

/** A read-only code block with a copy button. */
function CodeBlock({ text, testId }: { text: string; testId: string }) {
  return (
    <Typography.Paragraph copyable={{ text }}>
      <pre style={preStyle} data-testid={testId}>
        {text}
      </pre>
    </Typography.Paragraph>
  );
}

/** The one-time enrollment token and install command, shown once after create or re-issue. */
export function EnrollmentModal({
  open,
  shown,
  onClose,
  afterClose,
}: {
  open: boolean;
  shown: ShownEnrollment | null;
  onClose: () => void;
  /** Forget the token once the modal is gone. */
  afterClose: () => void;
}) {
  const { t, lang } = useI18n();
  const enrollment = shown?.enrollment;
  return (
    <Modal
      open={open}
      width={720}
      title={
        shown?.rotation
          ? t('datacenters.enrollmentTokenTitle', { name: shown.name })
          : t('datacenters.enrollmentCreatedTitle')
      }
      onCancel={onClose}
      afterClose={afterClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="enrollment-close">
          {t('common.close')}
        </Button>
      }
      data-testid="enrollment-modal"
    >
      {enrollment && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('datacenters.shownOnce', {
              time: formatDateTime(enrollment.expiresAt, lang),
            })}
            description={shown.rotation ? t('datacenters.enrollmentRotate') : undefined}
            style={{ marginBottom: 16 }}
            data-testid="enrollment-warning"
          />
          <Typography.Paragraph>{t('datacenters.enrollmentIntro')}</Typography.Paragraph>
          <Typography.Text strong>{t('datacenters.command')}</Typography.Text>
          <CodeBlock text={enrollment.command} testId="enrollment-command" />
          <Typography.Text strong>{t('datacenters.token')}</Typography.Text>
          <CodeBlock text={enrollment.token} testId="enrollment-token" />
        </>
      )}
    </Modal>
  );
}
