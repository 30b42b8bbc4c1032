'use client';

import { LoadingOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getSyncState, requestSync } from '@yunguan/contract';
import { App, Button, Card, Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract, queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';

const stateColors = { idle: 'green', running: 'processing', failed: 'red' } as const;

/** Inventory sync health of a datacenter, polled (fast while a run is going), with "resync
 * now": the API answers at once (202) with the queued or already running run, so the button
 * never hangs; the running state then comes from the API. */
export function SyncHealthCard({
  datacenterId,
  canManage,
}: {
  datacenterId: string;
  canManage: boolean;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const options = queryOptionsFor(getSyncState, { params: { id: datacenterId } });
  const query = useQuery({
    ...options,
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 2_000 : 15_000),
  });
  const resync = useMutation({
    mutationFn: () =>
      callContract(requestSync, { params: { id: datacenterId }, body: { mode: 'full' } }),
    onSuccess: (result) => {
      queryClient.setQueryData(options.queryKey, result.sync);
      void message.info(result.alreadyRunning ? t('sync.alreadyRunning') : t('sync.queued'));
    },
    onError: (error) => void message.error(error.message),
  });
  const s = query.data;
  const at = (iso: string | null | undefined) => formatDateTime(iso, lang);
  const rows: [string, ReactNode][] = s
    ? [
        [
          t('sync.state'),
          <Tag
            color={stateColors[s.state]}
            icon={s.state === 'running' ? <LoadingOutlined /> : undefined}
            data-testid="sync-state"
            data-state={s.state}
          >
            {t(`sync.state.${s.state}`)}
            {s.mode && ` · ${t(`sync.mode.${s.mode}`)}`}
          </Tag>,
        ],
        [t('sync.lastSuccess'), at(s.lastSuccessAt)],
        [t('sync.lastFullSuccess'), at(s.lastFullSuccessAt)],
        [
          t('sync.duration'),
          s.lastDurationMs === null ? '—' : `${(s.lastDurationMs / 1000).toFixed(1)} s`,
        ],
        [
          t('sync.counts'),
          t('sync.countsValue', {
            seen: s.counts.seen,
            created: s.counts.created,
            updated: s.counts.updated,
            deleted: s.counts.deleted,
          }),
        ],
        [t('sync.drift'), <span data-testid="sync-drift">{s.driftCorrected}</span>],
        [
          t('sync.lastError'),
          s.lastError ? (
            <Typography.Text type="danger" data-testid="sync-error">
              {s.lastError}
            </Typography.Text>
          ) : (
            '—'
          ),
        ],
      ]
    : [];
  return (
    <Card
      size="small"
      title={t('sync.title')}
      style={{ marginTop: 20 }}
      data-testid="sync-health"
      extra={
        canManage && (
          <Button
            size="small"
            icon={<SyncOutlined spin={s?.state === 'running'} />}
            loading={resync.isPending}
            disabled={s?.state === 'running'}
            onClick={() => resync.mutate()}
            data-testid="sync-now"
          >
            {s?.state === 'running' ? t('sync.running') : t('sync.now')}
          </Button>
        )
      }
      loading={query.isPending}
    >
      <ErrorAlert error={query.error} />
      {s && (
        <Descriptions
          column={1}
          size="small"
          items={rows.map(([label, children]) => ({ key: label, label, children }))}
        />
      )}
    </Card>
  );
}
