import { z } from 'zod';
import { timestamp } from '../common';

/** Chart ranges; each reads raw points or 5-minute means (ADR 0118). */
export const metricRanges = ['1h', '6h', '24h', '7d', '30d'] as const;
export type MetricRange = (typeof metricRanges)[number];

/** The metrics each kind of monitored object offers (names are the API's, not InfluxDB's). */
export const metricNames = {
  server: ['cpu', 'memory', 'disk', 'disk_read', 'disk_write', 'net_in', 'net_out'],
  host: ['cpu', 'memory', 'disk', 'load1', 'net_in', 'net_out'],
  volume: ['read_bps', 'write_bps', 'read_iops', 'write_iops'],
  traffic: ['net_in', 'net_out'],
} as const;
export type MetricTarget = keyof typeof metricNames;
export type MetricName<T extends MetricTarget = MetricTarget> = (typeof metricNames)[T][number];

export const metricUnits = ['percent', 'bytes_per_second', 'ops_per_second', 'load'] as const;

/** `?range=24h&metrics=cpu,memory` — every metric of the kind when `metrics` is left out. */
export const metricsQuery = <T extends MetricTarget>(target: T) =>
  z.object({
    range: z.enum(metricRanges).default('1h'),
    metrics: z
      .string()
      .max(200)
      .transform((s) => s.split(',').map((m) => m.trim()))
      .pipe(z.array(z.enum(metricNames[target])).min(1).max(metricNames[target].length))
      .optional(),
  });

export const metricSeriesSchema = z.object({
  metric: z.string(),
  unit: z.enum(metricUnits),
  /** The interface or device when a metric has one series per NIC/disk; null otherwise. */
  label: z.string().nullable(),
  /** [epoch ms, value]; null where no point fell in the interval. */
  points: z.array(z.tuple([z.number().int(), z.number().nullable()])),
});

export const metricsResponse = z.object({
  range: z.enum(metricRanges),
  /** `raw` (as written) or `m5` (5-minute means) — where the points came from. */
  retentionPolicy: z.enum(['raw', 'm5']),
  intervalSeconds: z.number().int().positive(),
  from: timestamp,
  to: timestamp,
  series: z.array(metricSeriesSchema),
});
export type MetricsResponse = z.infer<typeof metricsResponse>;

const percent = z.number().nullable();
const rate = z.number().nullable();

export const monitoredHostSchema = z.object({
  host: z.string(),
  role: z.enum(['hypervisor', 'baremetal', 'agent', 'other']),
  /** Bare-metal node id (the `node_id` tag), when the host is one. */
  nodeId: z.string().nullable(),
  cpuPercent: percent,
  memoryPercent: percent,
  diskPercent: percent,
  load1: z.number().nullable(),
  uptimeSeconds: z.number().nullable(),
  netInBps: rate,
  netOutBps: rate,
  lastSeen: timestamp.nullable(),
});

export const cephPoolSchema = z.object({
  name: z.string(),
  usedBytes: z.number().nullable(),
  availBytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
  percentUsed: percent,
  readBps: rate,
  writeBps: rate,
  readIops: rate,
  writeIops: rate,
});

export const cephSummarySchema = z.object({
  health: z.enum(['HEALTH_OK', 'HEALTH_WARN', 'HEALTH_ERR', 'unknown']),
  osds: z.object({ total: z.number(), up: z.number(), in: z.number() }),
  pgs: z.object({
    total: z.number(),
    states: z.array(z.object({ state: z.string(), count: z.number() })),
  }),
  capacity: z.object({ totalBytes: z.number(), usedBytes: z.number(), availBytes: z.number() }),
  readBps: rate,
  writeBps: rate,
  readIops: rate,
  writeIops: rate,
  pools: z.array(cephPoolSchema),
});

export const healthCheckSchema = z.object({
  check: z.enum(['cluster', 'node']),
  target: z.string(),
  host: z.string(),
  ok: z.boolean(),
  message: z.string(),
  checkedAt: timestamp,
});

export const nicLinkSchema = z.object({
  host: z.string(),
  interface: z.string(),
  up: z.boolean(),
  speedMbps: z.number().nullable(),
});

export const monitoringSummarySchema = z.object({
  datacenter: z.object({ id: z.string(), name: z.string() }),
  /** What the portal's tunnel registry says right now. */
  tunnel: z.enum(['online', 'offline']),
  /** `no_data`: InfluxDB answered but holds nothing recent (no collectors yet). */
  data: z.enum(['ok', 'no_data']),
  hosts: z.array(monitoredHostSchema),
  ceph: cephSummarySchema.nullable(),
  healthChecks: z.array(healthCheckSchema),
  nics: z.array(nicLinkSchema),
  generatedAt: timestamp,
});
export type MonitoringSummary = z.infer<typeof monitoringSummarySchema>;
