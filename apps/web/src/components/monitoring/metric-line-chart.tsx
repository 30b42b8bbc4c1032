'use client';

import type { MetricsResponse } from '@yunguan/contract';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatMetric, type MetricUnit } from './format-metric';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Series = MetricsResponse['series'][number];

/** One metric over time (one line per NIC or disk when it has several). */
export function MetricLineChart(props: {
  series: Series[];
  unit: MetricUnit;
  from: string;
  to: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const { series, unit, from, to } = props;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el);
    chartRef.current = chart;
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const labelled = series.some((s) => s.label);
    chart.setOption(
      {
        animation: false,
        grid: { left: 72, right: 16, top: labelled ? 28 : 12, bottom: 28 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: number | null) => formatMetric(unit, v),
        },
        legend: labelled ? { top: 0, type: 'scroll' } : { show: false },
        xAxis: {
          type: 'time',
          min: new Date(from).getTime(),
          max: new Date(to).getTime(),
          splitNumber: 4,
          axisLabel: { hideOverlap: true },
        },
        yAxis: {
          type: 'value',
          ...(unit === 'percent' ? { min: 0, max: 100 } : { min: 0 }),
          axisLabel: { formatter: (v: number) => formatMetric(unit, v) },
        },
        series: series.map((s) => ({
          type: 'line',
          name: s.label ?? s.metric,
          // A series of one or two points (a new server) would draw nothing without symbols.
          showSymbol: s.points.filter(([, v]) => v !== null).length <= 2,
          symbolSize: 5,
          connectNulls: false,
          areaStyle: series.length === 1 ? { opacity: 0.12 } : undefined,
          data: s.points,
        })),
      },
      { notMerge: true },
    );
  }, [series, unit, from, to]);

  return <div ref={ref} data-testid={props.testId} style={{ width: '100%', height: 220 }} />;
}
