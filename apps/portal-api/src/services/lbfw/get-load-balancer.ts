import { isCloudError } from '@yunguan/cloud-core';
import { loadBalancerSpec, type LoadBalancerItem } from '@yunguan/contract';
import { isDomainError, notFound } from '@yunguan/domain';
import { domainErrorOfCloud } from '../../cloud/domain-error-of-cloud';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { scopeForProject } from '../../cloud/scope-for-project';
import type { ServiceContext } from '../context';
import {
  applyResourceGone,
  applyResourceObservation,
} from '../resources/apply-resource-observation';
import { findResourceFor } from '../resources/find-resource-for';
import { observationOf } from '../resources/observation-of';
import { withActiveTasks } from '../resources/list-project-resources';
import { loadBalancingOf } from '../../cloud/sub-port';

/**
 * One load balancer, refreshed from the cloud first so both statuses are live (the mirror is
 * written). Gone from the cloud: the mirror row is marked deleted and the answer is 404. A
 * datacenter that cannot be reached right now (offline tunnel): the mirror as last seen.
 */
export const getLoadBalancer = async (
  ctx: ServiceContext,
  id: string,
): Promise<LoadBalancerItem> => {
  const { row, project } = await findResourceFor(ctx, 'load-balancer', id, 'resource.read');
  let fresh = row;
  try {
    const { provider, datacenter } = await providerForDatacenter(ctx, row.datacenterId);
    try {
      const scope = await scopeForProject(ctx, provider, datacenter.id, project.id);
      const lb = await loadBalancingOf(provider).getLoadBalancer(scope, row.externalId, {
        requestId: ctx.requestId,
      });
      await applyResourceObservation(ctx, row.datacenterId, observationOf('load-balancer', lb));
      fresh = (await findResourceFor(ctx, 'load-balancer', id, 'resource.read')).row;
    } catch (error) {
      if (isCloudError(error) && error.kind === 'not-found') {
        await applyResourceGone(ctx, row.datacenterId, 'load-balancer', row.externalId);
        throw notFound('load-balancer', id);
      }
      throw domainErrorOfCloud(error, datacenter.name);
    }
  } catch (error) {
    // Only an unreachable cloud falls back to the mirror; everything else is the answer.
    if (!isDomainError(error) || error.code !== 'UPSTREAM_UNAVAILABLE') throw error;
  }
  const [item] = await withActiveTasks(ctx, 'load-balancer', [fresh]);
  return { ...item!, spec: loadBalancerSpec.parse(item!.spec) };
};
