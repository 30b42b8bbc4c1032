import type { MetricRange } from '@yunguan/contract';

export type RangePlan = { seconds: number; rp: 'raw' | 'm5'; intervalSeconds: number };

/**
 * Which retention policy a range reads and how wide each chart point is: raw points for up to a
 * day (they are kept 7 days), 5-minute means beyond; about 120–360 points per chart.
 */
export const rangePlans: Record<MetricRange, RangePlan> = {
  '1h': { seconds: 3_600, rp: 'raw', intervalSeconds: 30 },
  '6h': { seconds: 21_600, rp: 'raw', intervalSeconds: 120 },
  '24h': { seconds: 86_400, rp: 'raw', intervalSeconds: 300 },
  '7d': { seconds: 604_800, rp: 'm5', intervalSeconds: 1_800 },
  '30d': { seconds: 2_592_000, rp: 'm5', intervalSeconds: 7_200 },
};
