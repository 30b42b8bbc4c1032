'use client';

import type { MonitoringSummary } from '@yunguan/contract';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Empty } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { formatMetric } from './format-metric';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Network traffic in and out of each host now (bytes per second over the last half minute). */
export function TrafficChart({ hosts }: { hosts: MonitoringSummary['hosts'] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const rows = hosts.filter((h) => h.netInBps !== null || h.netOutBps !== null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el);
    chart.setOption({
      animation: false,
      grid: { left: 120, right: 16, top: 28, bottom: 24 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => formatMetric('bytes_per_second', v),
      },
      xAxis: {
        type: 'value',
        splitNumber: 3,
        axisLabel: {
          hideOverlap: true,
          formatter: (v: number) => formatMetric('bytes_per_second', v),
        },
      },
      yAxis: { type: 'category', data: rows.map((h) => h.host) },
      series: [
        { type: 'bar', name: t('mon.netIn'), data: rows.map((h) => h.netInBps ?? 0) },
        { type: 'bar', name: t('mon.netOut'), data: rows.map((h) => h.netOutBps ?? 0) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, t]);
  return (
    <Card size="small" title={t('mon.network')}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mon.noData')} />
      ) : (
        <div
          ref={ref}
          data-testid="monitoring-traffic"
          style={{ width: '100%', height: Math.max(220, rows.length * 48 + 60) }}
        />
      )}
    </Card>
  );
}
