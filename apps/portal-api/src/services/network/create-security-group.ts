import type { CreateSecurityGroupInput, Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { queueTask } from '../tasks/queue-task';
import { assertCapability, projectCloud } from '../project-cloud';
import { earlierCreate } from '../resources/task-target';

/** Create a security group (task security-group.create, quota security_groups 1). */
export const createSecurityGroup = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateSecurityGroupInput,
): Promise<Task> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierCreate(
    ctx,
    project.id,
    'security-group.create',
    input.idempotencyKey,
    input.name,
  );
  if (earlier) return earlier;
  const cloud = await projectCloud(ctx, project.id, input.datacenterId);
  await assertCapability(cloud, 'security-group.manage', 'security-group.create');
  return queueTask(ctx, {
    project,
    datacenterId: input.datacenterId,
    action: 'security-group.create',
    targetName: input.name,
    input: { name: input.name, ...(input.description ? { description: input.description } : {}) },
    demand: { security_groups: 1 },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
