import { assertUsageFits, type QuotaResource } from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { sumResourceUsage } from '../../repositories/project-resource-repository';
import { listQuotaRowsOfDepartments } from '../../repositories/quota-repository';
import {
  lockProjectForTasks,
  sumQuotaHeldByUnfinishedTasks,
} from '../../repositories/task-repository';
import { DepartmentQuotas } from '../quotas/quota-view';

export type ResourceDemand = Partial<Record<QuotaResource, number>>;

/**
 * Inside the caller's transaction: lock the project, then check the live mirror plus what
 * unfinished storage/network tasks hold plus `demand`, resource by resource. Exceeding one is a
 * QUOTA_EXCEEDED naming the quota, its limit, the use and the request.
 */
export const checkResourceQuota = async (
  tx: DbClient,
  project: { id: string; departmentId: string },
  demand: ResourceDemand,
): Promise<void> => {
  const wanted = Object.entries(demand).filter(([, n]) => (n ?? 0) > 0) as [
    QuotaResource,
    number,
  ][];
  if (wanted.length === 0) return;
  await lockProjectForTasks(tx, project.id);
  const quotas = new DepartmentQuotas(
    { departmentId: project.departmentId, departmentName: '' },
    [],
    await listQuotaRowsOfDepartments(tx, [project.departmentId]),
  );
  const live = await sumResourceUsage(tx, project.id);
  const held = await sumQuotaHeldByUnfinishedTasks(tx, project.id);
  for (const [resource, requested] of wanted) {
    assertUsageFits({
      resource,
      limit: quotas.projectLimit(resource, project.id),
      used: (live[resource] ?? 0) + (held[resource] ?? 0),
      requested,
    });
  }
};
