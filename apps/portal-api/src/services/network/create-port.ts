import type { CreatePortInput, Task } from '@yunguan/contract';
import type { SubnetDto } from '@yunguan/cloud-core';
import { notFound } from '@yunguan/domain';
import { findResourceRowOfKind } from '../../repositories/project-resource-repository';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { findResourceFor } from '../resources/find-resource-for';
import { queueTask } from '../tasks/queue-task';
import { assertCapability, projectCloud } from '../project-cloud';
import { earlierCreate } from '../resources/task-target';
import { findUsableNetwork } from './usable-network';

/** Create a port (task port.create) on a usable network; subnets must be the network's, groups the project's. */
export const createPort = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreatePortInput,
): Promise<Task> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierCreate(
    ctx,
    project.id,
    'port.create',
    input.idempotencyKey,
    input.name,
  );
  if (earlier) return earlier;
  const network = await findUsableNetwork(ctx, project, input.networkId);
  const fixedIps = [];
  for (const f of input.fixedIps ?? []) {
    const subnet = await findResourceRowOfKind(ctx.db, f.subnetId, 'subnet');
    const spec = subnet?.spec as unknown as SubnetDto | undefined;
    if (!subnet || subnet.deletedAt || spec?.networkExternalId !== network.row.externalId)
      throw notFound('subnet', f.subnetId);
    fixedIps.push({
      subnetExternalId: subnet.externalId,
      ...(f.ipAddress ? { ipAddress: f.ipAddress } : {}),
    });
  }
  const groups = [];
  for (const id of input.securityGroupIds ?? []) {
    const found = await findResourceFor(ctx, 'security-group', id, 'resource.use');
    if (found.project.id !== project.id || found.row.datacenterId !== network.row.datacenterId)
      throw notFound('security-group', id);
    groups.push(found.row.externalId);
  }
  const cloud = await projectCloud(ctx, project.id, network.row.datacenterId);
  await assertCapability(cloud, 'network.manage', 'port.create');
  return queueTask(ctx, {
    project,
    datacenterId: network.row.datacenterId,
    action: 'port.create',
    targetName: input.name,
    input: {
      name: input.name,
      networkExternalId: network.row.externalId,
      ...(input.fixedIps ? { fixedIps } : {}),
      ...(input.securityGroupIds ? { securityGroupExternalIds: groups } : {}),
      ...(input.adminStateUp === undefined ? {} : { adminStateUp: input.adminStateUp }),
    },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
