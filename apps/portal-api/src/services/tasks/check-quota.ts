import { assertUsageFits, type QuotaResource } from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { sumResourceUsage } from '../../repositories/project-resource-repository';
import { listQuotaRowsOfDepartments } from '../../repositories/quota-repository';
import { sumServerUsage } from '../../repositories/server-repository';
import {
  lockProjectForTasks,
  sumQuotaHeldByUnfinishedTasks,
} from '../../repositories/task-repository';
import { DepartmentQuotas } from '../quotas/quota-view';

/** What a task holds against its project's quota until it finishes, per quota resource. */
export type QuotaDemand = Partial<Record<QuotaResource, number>>;

/**
 * Inside the caller's transaction: lock the project, then check the live mirror (servers by
 * count, vCPUs and RAM of their flavors; volumes, GB, snapshots … by count) plus what unfinished
 * and held tasks hold plus `demand`, resource by resource. Exceeding one is a QUOTA_EXCEEDED
 * naming the quota, its limit, the use and the request.
 */
export const checkQuota = async (
  tx: DbClient,
  project: { id: string; departmentId: string },
  demand: QuotaDemand,
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
  const servers = await sumServerUsage(tx, project.id);
  const live: Record<string, number> = {
    ...(await sumResourceUsage(tx, project.id)),
    instances: servers.instances,
    vcpus: servers.vcpus,
    ram_mb: servers.ramMb,
  };
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
