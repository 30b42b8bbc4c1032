import type { MetricSpec } from './metric-catalog';
import { duration, ident, literal, source, tagIn } from './influxql';
import type { RangePlan } from './range-plan';

export const MONITORING_DATABASE = 'yunguan';

/**
 * One InfluxQL SELECT for one metric over many series: `filter` names the objects (one server
 * for a chart; all of a rule's scope for alert evaluation), `groupBy` the tags that keep their
 * series apart. Gauges are means per interval; counters the per-second rate of those means.
 */
export const buildMetricQuery = (opts: {
  spec: MetricSpec;
  plan: RangePlan;
  filter: { tag: string; values: readonly string[] };
  groupBy: readonly string[];
  database?: string;
}): string => {
  const { spec, plan } = opts;
  const field = plan.rp === 'm5' ? `mean_${spec.field}` : spec.field;
  const mean = `mean(${ident(field)})`;
  const aggregate = spec.kind === 'counter' ? `non_negative_derivative(${mean}, 1s)` : mean;
  const value = spec.expression ? spec.expression(aggregate) : aggregate;
  const conditions = [
    tagIn(opts.filter.tag, opts.filter.values),
    ...Object.entries(spec.where ?? {}).map(([k, v]) => `${ident(k)} = ${literal(v)}`),
    `time > now() - ${duration(plan.seconds)}`,
  ];
  const groups = [
    `time(${duration(plan.intervalSeconds)})`,
    ...[...opts.groupBy, ...(spec.splitBy ? [spec.splitBy] : [])].map(ident),
  ];
  return (
    `SELECT ${value} AS "value" FROM ${source(opts.database ?? MONITORING_DATABASE, plan.rp, spec.measurement)}` +
    ` WHERE ${conditions.join(' AND ')} GROUP BY ${groups.join(', ')} fill(null)`
  );
};
