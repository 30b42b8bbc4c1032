import type { CreateFirewallGroupInput, Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { findObjectInPlace, placeForCreate } from './lbfw-place';
import { resolveRouterPorts } from './resolve-router-ports';

/**
 * Queue firewall-group.create: policies and ports must be the project's (404 otherwise), ports
 * router interfaces (400). With ports the group becomes ACTIVE, without INACTIVE.
 */
export const createFirewallGroup = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateFirewallGroupInput,
): Promise<Task> => {
  const place = await placeForCreate(ctx, projectId, input, 'firewall-group');
  if (place.earlier) return place.earlier;
  const policy = async (id: string | undefined) =>
    id === undefined
      ? null
      : (await findObjectInPlace(ctx, place, 'firewall-policy', id)).externalId;
  const ingress = await policy(input.ingressPolicyId);
  const egress = await policy(input.egressPolicyId);
  const ports = await resolveRouterPorts(ctx, place, input.portIds);
  return queueTask(ctx, {
    project: place.project,
    datacenterId: place.datacenter.id,
    action: 'firewall-group.create',
    targetName: input.name,
    input: {
      name: input.name,
      description: input.description ?? '',
      ingressPolicyExternalId: ingress,
      egressPolicyExternalId: egress,
      portExternalIds: ports,
      adminStateUp: input.adminStateUp,
    },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
