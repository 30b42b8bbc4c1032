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
 * A project's quota inside one transaction: `charge` checks a demand against the limits and what
 * is used (live mirror + unfinished and held tasks + what this transaction charged already) and
 * adds it, or throws QUOTA_EXCEEDED naming the quota, its limit, the use and the request and adds
 * nothing. The project row is locked (and the use read) at the first positive demand.
 */
export type QuotaLedger = { charge: (demand: QuotaDemand) => Promise<void> };

const wantedOf = (demand: QuotaDemand) =>
  Object.entries(demand).filter(([, n]) => (n ?? 0) > 0) as [QuotaResource, number][];

export const openQuotaLedger = (
  tx: DbClient,
  project: { id: string; departmentId: string },
): QuotaLedger => {
  let state: Promise<{ quotas: DepartmentQuotas; used: Record<string, number> }> | null = null;
  const load = async () => {
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
    const used: Record<string, number> = {};
    for (const k of new Set([...Object.keys(live), ...Object.keys(held)]))
      used[k] = (live[k] ?? 0) + (held[k] ?? 0);
    return { quotas, used };
  };
  return {
    charge: async (demand) => {
      const wanted = wantedOf(demand);
      if (wanted.length === 0) return;
      const { quotas, used } = await (state ??= load());
      for (const [resource, requested] of wanted)
        assertUsageFits({
          resource,
          limit: quotas.projectLimit(resource, project.id),
          used: used[resource] ?? 0,
          requested,
        });
      for (const [resource, requested] of wanted)
        used[resource] = (used[resource] ?? 0) + requested;
    },
  };
};

/**
 * Inside the caller's transaction: lock the project, then check the live mirror (servers by
 * count, vCPUs and RAM of their flavors; volumes, GB, snapshots … by count) plus what unfinished
 * and held tasks hold plus `demand`, resource by resource.
 */
export const checkQuota = (
  tx: DbClient,
  project: { id: string; departmentId: string },
  demand: QuotaDemand,
): Promise<void> => openQuotaLedger(tx, project).charge(demand);
