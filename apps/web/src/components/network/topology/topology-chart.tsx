'use client';

import type { Topology } from '@yunguan/contract';
import { GraphChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { Translate } from '@/i18n/i18n-provider';
import { consoleHref, placeNodes } from './topology-layout';

echarts.use([GraphChart, TooltipComponent, CanvasRenderer]);

const style: Record<string, { color: string; symbol: string; size: number }> = {
  'external-network': { color: '#722ed1', symbol: 'roundRect', size: 46 },
  router: { color: '#fa8c16', symbol: 'diamond', size: 44 },
  network: { color: '#1677ff', symbol: 'roundRect', size: 40 },
  subnet: { color: '#13c2c2', symbol: 'rect', size: 30 },
  server: { color: '#52c41a', symbol: 'circle', size: 38 },
  'floating-ip': { color: '#eb2f96', symbol: 'pin', size: 34 },
};

/** The project's network graph (ECharts, fixed layered layout); clicking a node opens it. */
export function TopologyChart(props: {
  topology: Topology;
  t: Translate;
  onOpen: (href: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { topology, t, onOpen } = props;
  const { nodes, height } = useMemo(() => placeNodes(topology), [topology]);
  const chartHeight = Math.max(360, height + 120);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el);
    const kindLabel = (kind: string) => t(`net.topo.kind.${kind}` as Parameters<Translate>[0]);
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: (p: {
          dataType?: string;
          data: { kind?: string; name?: string; status?: string; facts?: string };
        }) =>
          p.dataType === 'node'
            ? `${kindLabel(p.data.kind ?? '')}: ${p.data.name ?? ''}<br/>${p.data.status ?? ''}${p.data.facts ? `<br/>${p.data.facts}` : ''}`
            : '',
      },
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: true,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 6,
          label: { show: true, position: 'bottom', fontSize: 11, width: 150, overflow: 'truncate' },
          edgeLabel: { show: true, fontSize: 10, color: '#888', formatter: '{c}' },
          lineStyle: { color: '#aaa', width: 1.5 },
          data: nodes.map((n) => ({
            id: n.id,
            name: n.name || n.externalId,
            x: n.x,
            y: n.y,
            kind: n.kind,
            status: n.status,
            facts: n.label,
            symbol: style[n.kind]?.symbol,
            symbolSize: style[n.kind]?.size,
            itemStyle: { color: style[n.kind]?.color },
            label: { formatter: n.label ? `{b}\n${n.label}` : '{b}' },
          })),
          links: topology.edges.map((e) => ({
            source: e.from,
            target: e.to,
            value: e.label ?? '',
            lineStyle:
              e.kind === 'allocated-from' ? { curveness: 0.25, type: 'dashed' } : undefined,
          })),
        },
      ],
    });
    // Where each node is drawn (kind:name → [x, y] in pixels), for people's tools and tests.
    const at: Record<string, number[]> = {};
    for (const n of nodes) {
      const pixel: unknown = chart.convertToPixel({ seriesIndex: 0 }, [n.x, n.y]);
      if (Array.isArray(pixel)) at[`${n.kind}:${n.name}`] = pixel.map(Number);
    }
    el.dataset.positions = JSON.stringify(at);
    chart.on('click', (params) => {
      if (params.dataType !== 'node') return;
      const node = topology.nodes.find((n) => n.id === (params.data as { id: string }).id);
      const href = node && consoleHref(node, topology);
      if (href) onOpen(href);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [topology, nodes, t, onOpen]);

  return (
    <div
      ref={ref}
      style={{ width: '100%', height: chartHeight }}
      data-testid="topology-chart"
      data-nodes={topology.nodes.length}
      data-edges={topology.edges.length}
    />
  );
}
