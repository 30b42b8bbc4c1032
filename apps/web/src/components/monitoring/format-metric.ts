import type { metricUnits } from '@yunguan/contract';

export type MetricUnit = (typeof metricUnits)[number];

const scaled = (v: number, base: number, units: string[]) => {
  let i = 0;
  let x = Math.abs(v);
  while (x >= base && i < units.length - 1) {
    x /= base;
    i++;
  }
  return `${(Math.sign(v) * x).toFixed(x >= 100 ? 0 : 1)} ${units[i]}`;
};

/** A value as a chart axis or tooltip shows it. */
export const formatMetric = (unit: MetricUnit, v: number | null | undefined): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '-';
  if (unit === 'percent') return `${v.toFixed(1)} %`;
  if (unit === 'bytes_per_second') return `${scaled(v, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB'])}/s`;
  if (unit === 'ops_per_second') return `${v.toFixed(v >= 100 ? 0 : 1)} /s`;
  return v.toFixed(2);
};

export const formatBytes = (v: number | null | undefined): string =>
  v === null || v === undefined ? '-' : scaled(v, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']);
