import type { MetricName, MetricRange, MetricsResponse } from '@yunguan/contract';
import { notFound } from '@yunguan/domain';
import { findDatacenterRow } from '../../repositories/datacenter-repository';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { identityTag, trafficMeasurement } from './metric-catalog';
import { readMetrics } from './read-metrics';

type Input<T extends 'volume' | 'traffic'> = {
  id: string;
  range: MetricRange;
  metrics?: MetricName<T>[];
};

const datacenterOf = async (
  ctx: ServiceContext,
  datacenterId: string,
  kind: string,
  id: string,
) => {
  const datacenter = await findDatacenterRow(ctx.db, datacenterId);
  if (!datacenter) throw notFound(kind, id);
  return datacenter;
};

/** A volume's throughput and IOPS (its project's members; others get 404). */
export const getVolumeMetrics = async (
  ctx: ServiceContext,
  input: Input<'volume'>,
): Promise<MetricsResponse> => {
  const { row } = await findResourceFor(ctx, 'volume', input.id, 'resource.read');
  return readMetrics(ctx, {
    datacenter: await datacenterOf(ctx, row.datacenterId, 'volume', input.id),
    target: 'volume',
    identity: { tag: identityTag.volume, value: row.externalId },
    range: input.range,
    metrics: input.metrics,
  });
};

/** Traffic of a router or floating IP (its project's members; others get 404). */
export const getTrafficMetrics = async (
  ctx: ServiceContext,
  kind: 'router' | 'floating-ip',
  input: Input<'traffic'>,
): Promise<MetricsResponse> => {
  const { row } = await findResourceFor(ctx, kind, input.id, 'resource.read');
  return readMetrics(ctx, {
    datacenter: await datacenterOf(ctx, row.datacenterId, kind, input.id),
    target: 'traffic',
    identity: { tag: identityTag[kind], value: row.externalId },
    range: input.range,
    metrics: input.metrics,
    measurement: trafficMeasurement[kind],
  });
};
