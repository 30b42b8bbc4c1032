import { assertUsageFits } from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { sumServerUsage } from '../../repositories/server-repository';
import { lockProjectForTasks, sumHeldByUnfinishedTasks } from '../../repositories/task-repository';
import { listQuotaRowsOfDepartments } from '../../repositories/quota-repository';
import { DepartmentQuotas } from '../quotas/quota-view';

export type ServerDemand = { instances: number; vcpus: number; ramMb: number };

/**
 * Inside the caller's transaction: lock the project, then check what it uses (live servers in
 * the mirror + what unfinished creates and resizes hold) plus `demand` against its instances / vcpus / ram_mb quota.
 */
export const checkServerQuota = async (
  tx: DbClient,
  project: { id: string; departmentId: string },
  demand: ServerDemand,
): Promise<void> => {
  await lockProjectForTasks(tx, project.id);
  // Only the stored limits are needed here (a project's effective limit), not the projects list.
  const quotas = new DepartmentQuotas(
    { departmentId: project.departmentId, departmentName: '' },
    [],
    await listQuotaRowsOfDepartments(tx, [project.departmentId]),
  );
  const live = await sumServerUsage(tx, project.id);
  const held = await sumHeldByUnfinishedTasks(tx, project.id);
  const checks = [
    ['instances', live.instances + held.instances, demand.instances],
    ['vcpus', live.vcpus + held.vcpus, demand.vcpus],
    ['ram_mb', live.ramMb + held.ramMb, demand.ramMb],
  ] as const;
  for (const [resource, used, requested] of checks) {
    assertUsageFits({
      resource,
      limit: quotas.projectLimit(resource, project.id),
      used,
      requested,
    });
  }
};
