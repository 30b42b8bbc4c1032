import type { MetricName, MetricRange, MetricsResponse } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from '../datacenters/find-datacenter-for';
import { identityTag } from './metric-catalog';
import { readMetrics } from './read-metrics';

/** Charts of a compute host (by hostname) or bare-metal node (by id): platform compute admins. */
export const getHostMetrics = async (
  ctx: ServiceContext,
  input: {
    datacenterId: string;
    kind: 'hypervisor' | 'baremetal';
    /** Hostname for a hypervisor, node id for bare metal. */
    name: string;
    range: MetricRange;
    metrics?: MetricName<'host'>[];
  },
): Promise<MetricsResponse> => {
  const datacenter = await findDatacenterFor(ctx, input.datacenterId, 'compute.admin');
  return readMetrics(ctx, {
    datacenter,
    target: 'host',
    identity: { tag: identityTag[input.kind], value: input.name },
    range: input.range,
    metrics: input.metrics,
  });
};
