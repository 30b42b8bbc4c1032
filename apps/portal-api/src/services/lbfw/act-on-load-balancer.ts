import type { LoadBalancerActionInput, Task } from '@yunguan/contract';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { applyResourceObservation } from '../resources/apply-resource-observation';
import { observationOf } from '../resources/observation-of';
import { queueTask } from '../tasks/queue-task';
import { placeForChange } from './lbfw-place';
import { planLoadBalancerAction, type PlannableAction } from './plan-load-balancer-action';
import { resolveMemberAddress } from './resolve-member-address';
import { loadBalancingOf } from '../../cloud/sub-port';

/**
 * One change to a load balancer (listener, pool, member, health monitor): checked against the
 * load balancer as the cloud shows it now (which is also written to the mirror), then queued as
 * `load-balancer.<action>`; 409 while another task runs on it.
 */
export const actOnLoadBalancer = async (
  ctx: ServiceContext,
  id: string,
  input: LoadBalancerActionInput,
): Promise<Task> => {
  const place = await placeForChange(ctx, 'load-balancer', id, {
    idempotencyKey: input.idempotencyKey,
    action: `load-balancer.${input.action}`,
  });
  if (place.earlier) return place.earlier;
  const lb = await withCloudErrors(place.datacenter.name, () =>
    loadBalancingOf(place.provider).getLoadBalancer(place.scope, place.row.externalId, {
      requestId: ctx.requestId,
    }),
  );
  await applyResourceObservation(ctx, place.datacenter.id, observationOf('load-balancer', lb));
  const action: PlannableAction =
    input.action === 'add-member'
      ? {
          action: 'add-member',
          poolId: input.poolId,
          protocolPort: input.protocolPort,
          weight: input.weight,
          ...(input.name ? { name: input.name } : {}),
          ...(await resolveMemberAddress(ctx, place, input)),
        }
      : input;
  const plan = planLoadBalancerAction(lb, action);
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: `load-balancer.${input.action}`,
    target: { externalId: lb.externalId, resourceId: place.row.id },
    targetName: place.row.name,
    input: plan.input,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
