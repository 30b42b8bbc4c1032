import type { OverviewQuota } from '@yunguan/contract';
import { can, quotaResources, UNLIMITED, type Principal } from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import type { ProjectRow } from '../../repositories/project-repository';
import { sumResourceUsage } from '../../repositories/project-resource-repository';
import { sumServerUsage } from '../../repositories/server-repository';
import { DepartmentQuotas } from '../quotas/quota-view';

const usageOf = async (db: DbClient, projectId: string): Promise<Record<string, number>> => {
  const servers = await sumServerUsage(db, projectId);
  return {
    ...(await sumResourceUsage(db, projectId)),
    instances: servers.instances,
    vcpus: servers.vcpus,
    ram_mb: servers.ramMb,
  };
};

/** A quota worth a bar: it has a limit, or something is used under an unlimited one. */
const worthShowing = (q: OverviewQuota) => q.limit !== UNLIMITED || q.used > 0;

/**
 * Quota use within the caller's reach: a department's limits against what all its projects use
 * where the caller reads quotas at department level (admins), otherwise each project's own.
 */
export const overviewQuotas = async (
  db: DbClient,
  principal: Principal,
  projects: readonly ProjectRow[],
): Promise<OverviewQuota[]> => {
  const out: OverviewQuota[] = [];
  const departmentIds = [...new Set(projects.map((p) => p.departmentId))];
  for (const departmentId of departmentIds) {
    const mine = projects.filter((p) => p.departmentId === departmentId);
    const quotas = await DepartmentQuotas.load(
      db,
      { departmentId, departmentName: mine[0]?.department.name ?? '' },
      mine.map((p) => ({ id: p.id, name: p.name, departmentId })),
    );
    const usage = await Promise.all(mine.map((p) => usageOf(db, p.id)));
    if (can(principal, 'quota.read', { departmentId, projectId: null })) {
      for (const resource of quotaResources) {
        out.push({
          scope: 'department',
          ownerId: departmentId,
          ownerName: quotas.department.departmentName,
          resource,
          used: usage.reduce((sum, u) => sum + (u[resource] ?? 0), 0),
          limit: quotas.departmentLimit(resource),
        });
      }
      continue;
    }
    mine.forEach((p, i) => {
      for (const resource of quotaResources) {
        out.push({
          scope: 'project',
          ownerId: p.id,
          ownerName: p.name,
          resource,
          used: usage[i]?.[resource] ?? 0,
          limit: quotas.projectLimit(resource, p.id),
        });
      }
    });
  }
  return out.filter(worthShowing);
};
