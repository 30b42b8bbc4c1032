import { MONITORING_DATABASE } from './build-metric-query';
import { source } from './influxql';
import type { InfluxSeries } from './query-influx';

const recent = 'time > now() - 10m';
const raw = (measurement: string) => source(MONITORING_DATABASE, 'raw', measurement);

/** The statements of a summary, in the order summarise-*.ts read them. */
export const summaryStatements = {
  cpu: `SELECT last("usage_idle") AS "idle" FROM ${raw('cpu')} WHERE ${recent} AND "cpu" = 'cpu-total' GROUP BY "host", "role", "node_id"`,
  mem: `SELECT last("used_percent") AS "v" FROM ${raw('mem')} WHERE ${recent} GROUP BY "host"`,
  disk: `SELECT last("used_percent") AS "v" FROM ${raw('disk')} WHERE ${recent} AND "path" = '/' GROUP BY "host"`,
  system: `SELECT last("load1") AS "load1", last("uptime") AS "uptime" FROM ${raw('system')} WHERE ${recent} GROUP BY "host"`,
  net: `SELECT non_negative_derivative(last("bytes_recv"), 1s) AS "in", non_negative_derivative(last("bytes_sent"), 1s) AS "out" FROM ${raw('net')} WHERE time > now() - 3m GROUP BY time(30s), "host", "interface"`,
  cephHealth: `SELECT last("status") AS "status" FROM ${raw('ceph_health')} WHERE ${recent}`,
  cephOsd: `SELECT last("num_osds") AS "total", last("num_up_osds") AS "up", last("num_in_osds") AS "in" FROM ${raw('ceph_osdmap')} WHERE ${recent}`,
  cephPg: `SELECT last("num_pgs") AS "pgs", last("bytes_total") AS "total", last("bytes_used") AS "used", last("bytes_avail") AS "avail", last("read_bytes_sec") AS "rbps", last("write_bytes_sec") AS "wbps", last("read_op_per_sec") AS "riops", last("write_op_per_sec") AS "wiops" FROM ${raw('ceph_pgmap')} WHERE ${recent}`,
  cephPgStates: `SELECT last("count") AS "count" FROM ${raw('ceph_pgmap_state')} WHERE time > now() - 1m GROUP BY "state"`,
  cephPoolUsage: `SELECT last("bytes_used") AS "used", last("max_avail") AS "avail", last("percent_used") AS "pct" FROM ${raw('ceph_pool_usage')} WHERE ${recent} GROUP BY "name"`,
  cephPoolStats: `SELECT last("read_bytes_sec") AS "rbps", last("write_bytes_sec") AS "wbps", last("read_op_per_sec") AS "riops", last("write_op_per_sec") AS "wiops" FROM ${raw('ceph_pool_stats')} WHERE ${recent} GROUP BY "name"`,
  // The newest point of each check as it is (two last() selectors would report the range's start
  // as their time).
  health: `SELECT "ok", "message" FROM ${raw('health_check')} WHERE ${recent} GROUP BY "check", "target", "host" ORDER BY time DESC LIMIT 1`,
  nic: `SELECT last("up") AS "up", last("speed_mbps") AS "speed" FROM ${raw('nic')} WHERE ${recent} GROUP BY "host", "interface"`,
} as const;
export type SummaryKey = keyof typeof summaryStatements;
export type SummaryResults = Record<SummaryKey, InfluxSeries[]>;

/** Column `name` of the last row of a series, as a number (null when absent). */
export const lastNumber = (s: InfluxSeries | undefined, name: string): number | null => {
  if (!s) return null;
  const col = s.columns.indexOf(name);
  for (let i = s.values.length - 1; i >= 0; i--) {
    const v = s.values[i]?.[col];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
};

export const lastTime = (s: InfluxSeries | undefined): number | null => {
  const v = s?.values.at(-1)?.[0];
  return typeof v === 'number' ? v : null;
};
