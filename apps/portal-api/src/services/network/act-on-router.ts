import type { RouterActionInput, Task } from '@yunguan/contract';
import type { RouterDto } from '@yunguan/cloud-core';
import { conflict, notFound, precondition } from '@yunguan/domain';
import type { JsonInput } from '../../repositories/db-client';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { queueOnResource } from './queue-on-resource';
import { findTaskTarget } from '../resources/task-target';
import { findExternalNetwork } from './usable-network';

/**
 * set-gateway, clear-gateway, add-interface, remove-interface on a router (a task each),
 * checked against the router as the mirror knows it: a gateway to clear, an interface not yet
 * (or still) on the subnet, a subnet of the same project and datacenter.
 */
export const actOnRouter = async (
  ctx: ServiceContext,
  id: string,
  input: RouterActionInput,
): Promise<Task> => {
  const target = await findTaskTarget(
    ctx,
    'router',
    id,
    `router.${input.action}`,
    input.idempotencyKey,
  );
  if (target.earlier) return target.earlier;
  const { found } = target;
  const router = found.row.spec as unknown as RouterDto;
  const name = found.row.name;
  let taskInput: Record<string, JsonInput | null>;
  switch (input.action) {
    case 'set-gateway': {
      const network = await findExternalNetwork(
        ctx,
        found.project,
        input.networkId,
        found.row.datacenterId,
      );
      taskInput = {
        networkExternalId: network.row.externalId,
        networkName: network.row.name,
        ...(input.enableSnat === undefined ? {} : { enableSnat: input.enableSnat }),
      };
      break;
    }
    case 'clear-gateway':
      if (!router.externalGateway) throw precondition('router_gateway_missing', { router: name });
      taskInput = {};
      break;
    case 'add-interface':
    case 'remove-interface': {
      const subnet = await findResourceFor(ctx, 'subnet', input.subnetId, 'resource.use');
      if (
        subnet.project.id !== found.project.id ||
        subnet.row.datacenterId !== found.row.datacenterId
      )
        throw notFound('subnet', input.subnetId);
      const attached = router.interfaces.some((i) => i.subnetExternalId === subnet.row.externalId);
      const params = { router: name, subnet: subnet.row.name };
      if (input.action === 'add-interface' && attached)
        throw conflict('router_interface_exists', params);
      if (input.action === 'remove-interface' && !attached)
        throw precondition('router_interface_missing', params);
      taskInput = { subnetExternalId: subnet.row.externalId, subnetName: subnet.row.name };
      break;
    }
  }
  return queueOnResource(ctx, found, `router.${input.action}`, taskInput, input.idempotencyKey);
};
