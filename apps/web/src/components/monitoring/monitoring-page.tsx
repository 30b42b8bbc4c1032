'use client';

import { useQuery } from '@tanstack/react-query';
import { getMonitoringSummary } from '@yunguan/contract';
import { Alert, Col, Flex, Row, Spin, Tag, Typography } from 'antd';
import { PageHeader } from '@/components/common/page-header';
import { ErrorAlert } from '@/components/common/error-alert';
import { DatacenterSelect, useDatacenterChoice } from '@/components/compute/datacenter-choice';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useCan } from '@/lib/me-context';
import { CephPanel } from './ceph-panel';
import { HealthChecksTable, NicLinksTable } from './health-tables';
import { HostsTable } from './hosts-table';
import { TrafficChart } from './traffic-chart';

/**
 * 监控: one datacenter's hosts, Ceph, network traffic, platform health checks, NIC links and
 * tunnel, refreshed every 15 s (platform administrators).
 */
export function MonitoringPage() {
  const { t, lang } = useI18n();
  const admin = useCan('compute.admin');
  const choice = useDatacenterChoice();
  const id = choice.datacenterId ?? '';
  const query = useQuery({
    ...queryOptionsFor(getMonitoringSummary, { params: { id } }),
    enabled: id !== '' && admin,
    refetchInterval: 15_000,
  });
  const s = query.data;
  return (
    <div data-testid="monitoring-page">
      <PageHeader
        title={t('mon.title')}
        extra={
          <>
            {s ? (
              <Tag color={s.tunnel === 'online' ? 'green' : 'red'} data-testid="monitoring-tunnel">
                {t('mon.tunnel')}: {t(`mon.tunnel.${s.tunnel}`)}
              </Tag>
            ) : null}
            {s ? (
              <Typography.Text type="secondary">
                {formatDateTime(s.generatedAt, lang)}
              </Typography.Text>
            ) : null}
            {query.isFetching ? <Spin size="small" /> : null}
            <DatacenterSelect choice={choice} />
          </>
        }
      />
      {!admin ? <Alert type="info" showIcon title={t('mon.adminOnly')} /> : null}
      {choice.query.isSuccess && choice.datacenters.length === 0 ? (
        <Alert type="info" showIcon title={t('mon.noDatacenter')} />
      ) : null}
      <ErrorAlert error={choice.query.error ?? query.error} />
      {s?.data === 'no_data' ? (
        <Alert type="warning" showIcon title={t('mon.noMonitoringData')} />
      ) : null}
      {s ? (
        <Flex vertical gap={16}>
          <HostsTable hosts={s.hosts} datacenterId={id} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <CephPanel ceph={s.ceph} />
            </Col>
            <Col xs={24} xl={10}>
              <TrafficChart hosts={s.hosts} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <HealthChecksTable checks={s.healthChecks} />
            </Col>
            <Col xs={24} xl={10}>
              <NicLinksTable nics={s.nics} />
            </Col>
          </Row>
        </Flex>
      ) : null}
    </div>
  );
}
