import type { MetricName, MetricRange, MetricTarget, MetricsResponse } from '@yunguan/contract';
import { metricNames } from '@yunguan/contract';
import type { DatacenterRow } from '../../repositories/datacenter-repository';
import type { ServiceContext } from '../context';
import { buildMetricQuery } from './build-metric-query';
import { metricCatalog, type MetricSpec } from './metric-catalog';
import { queryInflux } from './query-influx';
import { rangePlans } from './range-plan';

const toNumber = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null;

/**
 * The charts of one monitored object: one InfluxQL statement per metric, all in one request
 * through the tunnel, over the retention policy the range calls for.
 */
export const readMetrics = async <T extends MetricTarget>(
  ctx: ServiceContext,
  opts: {
    datacenter: Pick<DatacenterRow, 'id' | 'name' | 'agent'>;
    target: T;
    /** The object's identity in its series, e.g. { tag: 'instance_id', value: '<nova id>' }. */
    identity: { tag: string; value: string };
    range: MetricRange;
    metrics: readonly MetricName<T>[] | undefined;
    /** Traffic objects keep their series in a measurement of their own. */
    measurement?: string;
  },
): Promise<MetricsResponse> => {
  const plan = rangePlans[opts.range];
  const names = (opts.metrics ?? metricNames[opts.target]) as readonly MetricName<T>[];
  const specs = names.map((name): [string, MetricSpec] => {
    const spec = (metricCatalog[opts.target] as Record<string, MetricSpec>)[name]!;
    return [name, opts.measurement ? { ...spec, measurement: opts.measurement } : spec];
  });
  const statements = specs.map(([, spec]) =>
    buildMetricQuery({
      spec,
      plan,
      filter: { tag: opts.identity.tag, values: [opts.identity.value] },
      groupBy: [],
    }),
  );
  const results = await queryInflux(ctx, opts.datacenter, statements);
  const to = new Date();
  return {
    range: opts.range,
    retentionPolicy: plan.rp,
    intervalSeconds: plan.intervalSeconds,
    from: new Date(to.getTime() - plan.seconds * 1000).toISOString(),
    to: to.toISOString(),
    series: specs.flatMap(([name, spec], i) =>
      (results[i] ?? []).map((s) => ({
        metric: name,
        unit: spec.unit,
        label: spec.splitBy ? (s.tags[spec.splitBy] ?? null) : null,
        points: s.values.map((row): [number, number | null] => [Number(row[0]), toNumber(row[1])]),
      })),
    ),
  };
};
