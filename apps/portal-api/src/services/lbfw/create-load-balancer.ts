import type { CreateLoadBalancerInput, Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { placeForCreate } from './lbfw-place';
import { assertAddressInSubnet, resolveProjectSubnet } from './resolve-subnet';

/**
 * Queue load-balancer.create: a datacenter with Octavia, a VIP subnet of the project (404
 * otherwise), a VIP address inside it, the load_balancers quota (held until the task ends).
 */
export const createLoadBalancer = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateLoadBalancerInput,
): Promise<Task> => {
  const place = await placeForCreate(ctx, projectId, input, 'load-balancer');
  if (place.earlier) return place.earlier;
  const subnet = await resolveProjectSubnet(ctx, place, input.vipSubnetId, 'vipSubnetId');
  if (input.vipAddress) assertAddressInSubnet(input.vipAddress, subnet, 'vipAddress');
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: 'load-balancer.create',
    targetName: input.name,
    input: {
      name: input.name,
      description: input.description ?? '',
      vipSubnetExternalId: subnet.externalId,
      vipSubnetName: subnet.name,
      ...(input.vipAddress ? { vipAddress: input.vipAddress } : {}),
    },
    demand: { load_balancers: 1 },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
