import type { CreateFloatingIpInput, Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { queueTask } from '../tasks/queue-task';
import { assertCapability, projectCloud } from '../project-cloud';
import { earlierCreate } from '../resources/task-target';
import { findExternalNetwork } from './usable-network';

/** Allocate a floating IP from an external network (task floating-ip.create, quota floating_ips 1). */
export const createFloatingIp = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateFloatingIpInput,
): Promise<Task> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierCreate(ctx, project.id, 'floating-ip.create', input.idempotencyKey);
  if (earlier) return earlier;
  const network = await findExternalNetwork(ctx, project, input.networkId, input.datacenterId);
  const cloud = await projectCloud(ctx, project.id, input.datacenterId);
  await assertCapability(cloud, 'floating-ip', 'floating-ip.create');
  return queueTask(ctx, {
    project,
    datacenterId: input.datacenterId,
    action: 'floating-ip.create',
    targetName: `floating IP on ${network.row.name}`,
    input: {
      networkExternalId: network.row.externalId,
      networkName: network.row.name,
      ...(input.description ? { description: input.description } : {}),
    },
    demand: { floating_ips: 1 },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
