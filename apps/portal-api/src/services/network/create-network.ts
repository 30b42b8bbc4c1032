import { networkAdminFields, type CreateNetworkInput, type Task } from '@yunguan/contract';
import { can, DomainError, platformTarget } from '@yunguan/domain';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { queueTask } from '../tasks/queue-task';
import { assertCapability, projectCloud } from '../project-cloud';
import { earlierCreate } from '../resources/task-target';

/**
 * Create a network (task network.create, quota networks 1). Tenant networks for project
 * members; shared, external and provider attributes only for compute.admin (403 that names
 * the fields, before anything is sent).
 */
export const createNetwork = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateNetworkInput,
): Promise<Task> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierCreate(
    ctx,
    project.id,
    'network.create',
    input.idempotencyKey,
    input.name,
  );
  if (earlier) return earlier;
  const adminFields = networkAdminFields.filter((f) => input[f] !== undefined);
  if (adminFields.length > 0 && !can(ctx.principal, 'compute.admin', platformTarget))
    throw new DomainError('FORBIDDEN', 'admin-only network fields', {
      reason: 'network_admin_fields',
      params: { fields: adminFields.join(', ') },
    });
  const cloud = await projectCloud(ctx, project.id, input.datacenterId);
  await assertCapability(cloud, 'network.manage', 'network.create');
  if (input.provider) await assertCapability(cloud, 'network.provider', 'network.create');
  const { idempotencyKey, datacenterId, ...spec } = input;
  return queueTask(ctx, {
    project,
    datacenterId,
    action: 'network.create',
    targetName: input.name,
    input: { ...spec },
    demand: { networks: 1 },
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};
