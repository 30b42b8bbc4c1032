'use client';

import { useQuery } from '@tanstack/react-query';
import type { Contract, MetricRange, MetricsResponse } from '@yunguan/contract';
import { metricRanges } from '@yunguan/contract';
import { Card, Col, Empty, Flex, Row, Segmented, Spin, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { useI18n, type Translate } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { MetricLineChart } from './metric-line-chart';

const REFRESH_MS = 30_000;

/**
 * Charts of one monitored object: range 1h/6h/24h/7d/30d, auto-refresh every 30 s, one chart
 * per metric. `contract` is one of the *Metrics contracts; `params` its path parameters.
 */
export function MetricPanel(props: {
  contract: Contract;
  params: Record<string, string>;
  metrics: readonly string[];
  testId?: string;
}) {
  const { t } = useI18n();
  const [range, setRange] = useState<MetricRange>('1h');
  const [auto, setAuto] = useState(true);
  const { contract, params } = props;
  const query = useQuery({
    queryKey: [contract.id, params, range],
    queryFn: ({ signal }) =>
      callContract(contract, { params, query: { range } } as never, {
        signal,
      }) as Promise<MetricsResponse>,
    refetchInterval: auto ? REFRESH_MS : false,
  });
  const data = query.data;
  return (
    <Flex vertical gap={12} data-testid={props.testId ?? 'metric-panel'}>
      <Flex gap={16} align="center" wrap>
        <Typography.Text type="secondary">{t('mon.range')}</Typography.Text>
        <Segmented
          data-testid="metric-range"
          value={range}
          onChange={(v) => setRange(v)}
          options={metricRanges.map((r) => ({ label: r, value: r }))}
        />
        <Flex gap={6} align="center">
          <Switch size="small" checked={auto} onChange={setAuto} />
          <Typography.Text>{t('mon.autoRefresh')}</Typography.Text>
          {auto ? <Typography.Text type="secondary">{t('mon.refreshing')}</Typography.Text> : null}
        </Flex>
        {data ? (
          <Tag>
            {t(data.retentionPolicy === 'm5' ? 'mon.source.m5' : 'mon.source.raw')} ·{' '}
            {t('mon.interval', { seconds: data.intervalSeconds })}
          </Tag>
        ) : null}
        {query.isFetching ? <Spin size="small" /> : null}
      </Flex>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {data ? <Charts data={data} metrics={props.metrics} t={t} /> : null}
    </Flex>
  );
}

function Charts(props: { data: MetricsResponse; metrics: readonly string[]; t: Translate }) {
  const { data, t } = props;
  return (
    <Row gutter={[12, 12]}>
      {props.metrics.map((metric) => {
        const series = data.series.filter((s) => s.metric === metric);
        const hasData = series.some((s) => s.points.some(([, v]) => v !== null));
        const unit = series[0]?.unit ?? 'percent';
        return (
          <Col key={metric} xs={24} lg={12}>
            <Card size="small" title={t(`mon.metric.${metric}` as Parameters<Translate>[0])}>
              {hasData ? (
                <MetricLineChart
                  series={series}
                  unit={unit}
                  from={data.from}
                  to={data.to}
                  testId={`metric-chart-${metric}`}
                />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('mon.noData')}
                  data-testid={`metric-empty-${metric}`}
                />
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
