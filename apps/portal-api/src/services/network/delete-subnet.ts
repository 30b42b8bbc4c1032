import type { Task } from '@yunguan/contract';
import type { RouterDto } from '@yunguan/cloud-core';
import { conflict } from '@yunguan/domain';
import { listLiveResourcesOfProject } from '../../repositories/project-resource-repository';
import type { ServiceContext } from '../context';
import { queueOnResource } from './queue-on-resource';
import { findTaskTarget } from '../resources/task-target';

/** Delete a subnet (task subnet.delete); 409 subnet_in_use while a router of the project has an interface on it. */
export const deleteSubnet = async (
  ctx: ServiceContext,
  id: string,
  idempotencyKey?: string,
): Promise<Task> => {
  const target = await findTaskTarget(ctx, 'subnet', id, 'subnet.delete', idempotencyKey);
  if (target.earlier) return target.earlier;
  const { found } = target;
  const routers = await listLiveResourcesOfProject(
    ctx.db,
    found.project.id,
    ['router'],
    found.row.datacenterId,
  );
  const router = routers.find((r) =>
    (r.spec as unknown as RouterDto).interfaces?.some(
      (i) => i.subnetExternalId === found.row.externalId,
    ),
  );
  if (router) throw conflict('subnet_in_use', { subnet: found.row.name, router: router.name });
  const { networkExternalId } = found.row.spec as { networkExternalId?: string };
  return queueOnResource(
    ctx,
    found,
    'subnet.delete',
    { networkExternalId: networkExternalId ?? null },
    idempotencyKey,
  );
};
