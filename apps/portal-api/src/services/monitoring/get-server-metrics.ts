import type { MetricName, MetricRange, MetricsResponse } from '@yunguan/contract';
import { notFound } from '@yunguan/domain';
import { findDatacenterRow } from '../../repositories/datacenter-repository';
import type { ServiceContext } from '../context';
import { findServerFor } from '../servers/find-server-for';
import { identityTag } from './metric-catalog';
import { readMetrics } from './read-metrics';

/** A server's charts: only for those who may read the server (others get 404). */
export const getServerMetrics = async (
  ctx: ServiceContext,
  input: { id: string; range: MetricRange; metrics?: MetricName<'server'>[] },
): Promise<MetricsResponse> => {
  const { server } = await findServerFor(ctx, input.id, 'resource.read');
  const datacenter = await findDatacenterRow(ctx.db, server.datacenterId);
  if (!datacenter) throw notFound('server', input.id);
  return readMetrics(ctx, {
    datacenter,
    target: 'server',
    identity: { tag: identityTag.server, value: server.externalId },
    range: input.range,
    metrics: input.metrics,
  });
};
