import type { FloatingIpActionInput, FloatingIpItem, Task } from '@yunguan/contract';
import { conflict, precondition } from '@yunguan/domain';
import type { JsonInput } from '../../repositories/db-client';
import type { ServiceContext } from '../context';
import { floatingIpTarget } from './floating-ip-route';
import { assertCapability, projectCloud } from '../project-cloud';
import { queueOnResource } from './queue-on-resource';
import { findTaskTarget } from '../resources/task-target';

type Spec = FloatingIpItem['spec'];

/**
 * associate, disassociate, add-port-forwarding, remove-port-forwarding on a floating IP (a task
 * each). Associate and forwarding first find the server's port and check that a router joins
 * its subnet to the floating IP's network (409 floating_ip_no_route otherwise, no task).
 */
export const actOnFloatingIp = async (
  ctx: ServiceContext,
  id: string,
  input: FloatingIpActionInput,
): Promise<Task> => {
  const target = await findTaskTarget(
    ctx,
    'floating-ip',
    id,
    `floating-ip.${input.action}`,
    input.idempotencyKey,
  );
  if (target.earlier) return target.earlier;
  const { found } = target;
  const spec = found.row.spec as unknown as Spec;
  const address = spec.floatingIpAddress;
  let taskInput: Record<string, JsonInput | null>;
  switch (input.action) {
    case 'associate':
    case 'add-port-forwarding': {
      if (spec.portExternalId)
        throw conflict('floating_ip_already_associated', {
          address,
          fixedIp: spec.fixedIpAddress ?? spec.portExternalId,
        });
      const cloud = await projectCloud(ctx, found.project.id, found.row.datacenterId);
      await assertCapability(
        cloud,
        input.action === 'associate' ? 'floating-ip' : 'floating-ip.port-forwarding',
        `floating-ip.${input.action}`,
      );
      if (
        input.action === 'add-port-forwarding' &&
        (spec.portForwardings ?? []).some(
          (p) => p.protocol === input.protocol && p.externalPort === input.externalPort,
        )
      )
        throw conflict('port_forwarding_conflict', {
          address,
          protocol: input.protocol,
          externalPort: input.externalPort,
        });
      const target = await floatingIpTarget(ctx, cloud, found, {
        serverId: input.serverId,
        portId: input.action === 'associate' ? input.portId : undefined,
        fixedIp: input.fixedIp,
      });
      taskInput = { ...target };
      if (input.action === 'add-port-forwarding')
        taskInput = {
          ...taskInput,
          protocol: input.protocol,
          internalPort: input.internalPort,
          externalPort: input.externalPort,
          ...(input.description ? { description: input.description } : {}),
        };
      break;
    }
    case 'disassociate':
      if (!spec.portExternalId) throw precondition('floating_ip_not_associated', { address });
      taskInput = {};
      break;
    case 'remove-port-forwarding':
      if (!(spec.portForwardings ?? []).some((p) => p.externalId === input.portForwardingId))
        throw precondition('port_forwarding_unknown', { address, id: input.portForwardingId });
      taskInput = { portForwardingExternalId: input.portForwardingId };
      break;
  }
  return queueOnResource(
    ctx,
    found,
    `floating-ip.${input.action}`,
    taskInput,
    input.idempotencyKey,
  );
};
