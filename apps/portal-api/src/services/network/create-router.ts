import type { CreateRouterInput, Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { queueTask } from '../tasks/queue-task';
import { assertCapability, projectCloud } from '../project-cloud';
import { earlierCreate } from '../resources/task-target';
import { findExternalNetwork } from './usable-network';

/** Create a router (task router.create), with its gateway when an external network is named. */
export const createRouter = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateRouterInput,
): Promise<Task> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierCreate(
    ctx,
    project.id,
    'router.create',
    input.idempotencyKey,
    input.name,
  );
  if (earlier) return earlier;
  const external = input.externalNetworkId
    ? await findExternalNetwork(ctx, project, input.externalNetworkId, input.datacenterId)
    : null;
  const cloud = await projectCloud(ctx, project.id, input.datacenterId);
  await assertCapability(cloud, 'router.manage', 'router.create');
  return queueTask(ctx, {
    project,
    datacenterId: input.datacenterId,
    action: 'router.create',
    targetName: input.name,
    input: {
      name: input.name,
      ...(input.description ? { description: input.description } : {}),
      ...(external
        ? {
            externalGateway: {
              networkExternalId: external.row.externalId,
              networkName: external.row.name,
              ...(input.enableSnat === undefined ? {} : { enableSnat: input.enableSnat }),
            },
          }
        : {}),
    },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
