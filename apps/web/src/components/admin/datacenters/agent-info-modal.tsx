'use client';

import { useQuery } from '@tanstack/react-query';
import type { Datacenter } from '@yunguan/contract';
import { getAgentInfo } from '@yunguan/contract';
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';

/** "Test connection": ask the agent through the tunnel and show its answer or the error. */
export function AgentInfoModal({
  datacenter,
  open,
  onClose,
}: {
  datacenter: Datacenter | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const query = useQuery({
    ...queryOptionsFor(getAgentInfo, { params: { id: datacenter?.id ?? '' } }),
    enabled: open && datacenter !== null,
    // Every open is a fresh test; an offline agent answers 503 at once, so no retries.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });

  return (
    <Modal
      open={open}
      width={640}
      title={t('datacenters.testTitle', { name: datacenter?.name ?? '' })}
      onCancel={onClose}
      footer={[
        <Button
          key="again"
          loading={query.isFetching}
          onClick={() => void query.refetch()}
          data-testid="agent-info-again"
        >
          {t('datacenters.testAgain')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose} data-testid="agent-info-close">
          {t('common.close')}
        </Button>,
      ]}
      data-testid="agent-info-modal"
    >
      <Spin spinning={query.isFetching}>
        {query.isError && <ErrorAlert error={query.error} testId="agent-info-error" />}
        {query.isSuccess && (
          <>
            <Alert
              type="success"
              showIcon
              title={t('datacenters.testOk')}
              style={{ marginBottom: 16 }}
            />
            <Typography.Paragraph copyable={{ text: JSON.stringify(query.data, null, 2) }}>
              <pre
                data-testid="agent-info-result"
                style={{ margin: 0, maxHeight: 360, overflow: 'auto' }}
              >
                {JSON.stringify(query.data, null, 2)}
              </pre>
            </Typography.Paragraph>
          </>
        )}
        {query.isPending && <div style={{ height: 80 }} />}
      </Spin>
    </Modal>
  );
}
