'use client';

import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Topology } from '@yunguan/contract';
import { getNetworkTopology, topologyNodeKinds } from '@yunguan/contract';
import { Button, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import { DatacenterSelect, useDatacenterChoice } from '@/components/compute/datacenter-choice';
import { LiveBadge } from '@/components/compute/live-badge';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { formatDateTime } from '@/lib/format';
import { useNetworkLive } from '../common/use-network-live';
import { TopologyChart } from './topology-chart';
import { consoleHref } from './topology-layout';

/** Every object of the graph as a link, by kind (the chart's nodes, readable and testable). */
function NodeList({ topology }: { topology: Topology }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={6} data-testid="topology-nodes">
      {topologyNodeKinds.map((kind) => {
        const nodes = topology.nodes.filter((n) => n.kind === kind);
        if (nodes.length === 0) return null;
        return (
          <Flex key={kind} gap={6} wrap align="center">
            <Typography.Text type="secondary" style={{ minWidth: 90 }}>
              {t(`net.topo.kind.${kind}`)}
            </Typography.Text>
            {nodes.map((n) => {
              const href = consoleHref(n, topology);
              const text = `${n.name || n.externalId}${n.label ? ` · ${n.label}` : ''}`;
              return (
                <Tag key={n.id} data-testid={`topo-node-${kind}-${n.name}`} data-status={n.status}>
                  {href ? <Link href={href}>{text}</Link> : text}
                </Tag>
              );
            })}
          </Flex>
        );
      })}
    </Flex>
  );
}

/** The project's network graph in one datacenter, read live; nodes open their objects. */
export function TopologyPage() {
  const { t, lang } = useI18n();
  const router = useRouter();
  const connected = useNetworkLive();
  const { projectId } = useCurrentProject();
  const choice = useDatacenterChoice();
  const query = useQuery({
    ...queryOptionsFor(getNetworkTopology, {
      params: { projectId: projectId ?? '' },
      query: { datacenterId: choice.datacenterId ?? '' },
    }),
    enabled: projectId !== undefined && choice.datacenterId !== undefined,
  });
  const open = useCallback((href: string) => router.push(href), [router]);
  const topology = query.data;
  return (
    <>
      <PageHeader
        title={t('net.topo.title')}
        extra={
          <>
            <LiveBadge connected={connected} />
            {topology && (
              <Typography.Text type="secondary" data-testid="topology-observed">
                {t('net.topo.observedAt', { time: formatDateTime(topology.observedAt, lang) })}
              </Typography.Text>
            )}
            <DatacenterSelect choice={choice} />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void query.refetch()}
              loading={query.isFetching}
              data-testid="topology-refresh"
            >
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={query.error} />
      {query.isPending && choice.datacenterId !== undefined && (
        <Spin style={{ display: 'block', margin: 48 }} />
      )}
      {topology && topology.nodes.length === 0 && <Empty description={t('net.topo.empty')} />}
      {topology && topology.nodes.length > 0 && (
        <>
          <Card size="small" style={{ marginBottom: 16 }} extra={t('net.topo.hint')}>
            <TopologyChart topology={topology} t={t} onOpen={open} />
          </Card>
          <Card size="small">
            <NodeList topology={topology} />
          </Card>
        </>
      )}
    </>
  );
}
