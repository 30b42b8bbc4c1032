'use client';

import { useQuery } from '@tanstack/react-query';
import { getDatacenter } from '@yunguan/contract';
import { Descriptions, Drawer, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { ServiceAccountForm } from './service-account-form';
import { SyncHealthCard } from './sync-health-card';
import { TunnelStateTag } from './tunnel-state-tag';

const dash = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : value;

/** Every field of one datacenter, live (refetched every 5 s while open). */
export function DatacenterDetailDrawer(props: { id: string | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { id, onClose } = props;
  const query = useQuery({
    ...queryOptionsFor(getDatacenter, { params: { id: id ?? '' } }),
    enabled: id !== null,
    refetchInterval: 5_000,
  });
  const dc = query.data;
  const canManage = useCan('datacenter.manage');
  const at = (iso: string | null | undefined) => formatDateTime(iso, lang);

  const items = (entries: [string, ReactNode][]): DescriptionsProps['items'] =>
    entries.map(([label, children]) => ({ key: label, label, children }));

  return (
    <Drawer
      open={id !== null}
      size={560}
      title={dc ? `${t('datacenters.detail')} · ${dc.name}` : t('datacenters.detail')}
      onClose={onClose}
      loading={query.isPending && id !== null}
      data-testid="datacenter-detail"
    >
      <ErrorAlert error={query.error} />
      {dc && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={items([
              ['ID', <Typography.Text copyable>{dc.id}</Typography.Text>],
              [t('common.name'), dc.name],
              [t('datacenters.region'), dc.region],
              [t('datacenters.kind'), t(`datacenters.kind.${dc.kind}`)],
              [t('common.description'), dash(dc.description)],
              [t('datacenters.tunnelPort'), dash(dc.tunnelPort)],
              [
                t('datacenters.pendingEnrollment'),
                dc.pendingEnrollmentExpiresAt
                  ? t('datacenters.pendingExpires', { time: at(dc.pendingEnrollmentExpiresAt) })
                  : t('common.none'),
              ],
              [t('common.createdAt'), at(dc.createdAt)],
              [t('common.updatedAt'), at(dc.updatedAt)],
            ])}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('datacenters.sectionTunnel')}
          </Typography.Title>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={items([
              [
                t('datacenters.tunnel'),
                <TunnelStateTag datacenter={dc} testId="datacenter-detail-state" />,
              ],
              [
                t('datacenters.latency'),
                dc.tunnel.latencyMs === null ? '—' : `${Math.round(dc.tunnel.latencyMs)} ms`,
              ],
              [t('datacenters.gateway'), dash(dc.tunnel.gateway)],
              [t('datacenters.since'), at(dc.tunnel.since)],
              [t('datacenters.checkedAt'), at(dc.tunnel.checkedAt)],
              [
                t('datacenters.reason'),
                <span data-testid="datacenter-detail-reason">{dash(dc.tunnel.reason)}</span>,
              ],
            ])}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('datacenters.sectionAgent')}
          </Typography.Title>
          {dc.agent ? (
            <Descriptions
              column={1}
              size="small"
              bordered
              items={items([
                [
                  t('datacenters.agentFingerprint'),
                  <Typography.Text
                    code
                    copyable
                    style={{ wordBreak: 'break-all' }}
                    data-testid="datacenter-detail-fingerprint"
                  >
                    {dc.agent.fingerprint}
                  </Typography.Text>,
                ],
                [t('datacenters.agentVersion'), dash(dc.agent.version)],
                [t('datacenters.agentEnrolledAt'), at(dc.agent.enrolledAt)],
                [t('datacenters.agentLastSeen'), at(dc.agent.lastSeenAt)],
                [t('datacenters.agentRevokedAt'), at(dc.agent.revokedAt)],
              ])}
            />
          ) : (
            <Typography.Text type="secondary">{t('datacenters.noAgent')}</Typography.Text>
          )}
          <SyncHealthCard key={`sync-${dc.id}`} datacenterId={dc.id} canManage={canManage} />
          {canManage && <ServiceAccountForm key={`sa-${dc.id}`} datacenterId={dc.id} />}
        </>
      )}
    </Drawer>
  );
}
