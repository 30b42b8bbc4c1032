import type { CreateSubnetInput, Task } from '@yunguan/contract';
import { can, notFound, platformTarget } from '@yunguan/domain';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { queueTask } from '../tasks/queue-task';
import { assertCapability, projectCloud } from '../project-cloud';
import { earlierCreate } from '../resources/task-target';
import { assertNoOverlap } from './subnet-overlap';
import { findUsableNetwork } from './usable-network';
import { networkOf } from '../../cloud/sub-port';

/**
 * Create a subnet (task subnet.create). The contract checked the addresses; here the network
 * must be the project's own (the portal acts with admin rights in the cloud, so a shared or
 * external network of another project takes subnets only from compute.admin), and the CIDR must
 * not overlap the network's subnets as the cloud lists them now (409 subnet_overlaps, no task).
 */
export const createSubnet = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateSubnetInput,
): Promise<Task> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierCreate(
    ctx,
    project.id,
    'subnet.create',
    input.idempotencyKey,
    input.name,
  );
  if (earlier) return earlier;
  const network = await findUsableNetwork(ctx, project, input.networkId);
  if (!network.owned && !can(ctx.principal, 'compute.admin', platformTarget))
    throw notFound('network', input.networkId);
  const cloud = await projectCloud(ctx, project.id, network.row.datacenterId);
  await assertCapability(cloud, 'network.manage', 'subnet.create');
  const subnets = await cloud.call(() =>
    networkOf(cloud.provider).listSubnets(cloud.scope, cloud.options),
  );
  assertNoOverlap(
    input.cidr,
    subnets.filter((s) => s.networkExternalId === network.row.externalId),
    network.row.name,
  );
  const { idempotencyKey, networkId, ...spec } = input;
  return queueTask(ctx, {
    project,
    datacenterId: network.row.datacenterId,
    action: 'subnet.create',
    targetName: input.name,
    input: {
      ...spec,
      networkId,
      networkExternalId: network.row.externalId,
      networkName: network.row.name,
    },
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
