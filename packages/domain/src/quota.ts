import { DomainError } from './errors';

export const quotaResources = [
  'instances',
  'vcpus',
  'ram_mb',
  'volumes',
  'volume_gb',
  'snapshots',
  'backups',
  'networks',
  'floating_ips',
  'security_groups',
  'load_balancers',
] as const;
export type QuotaResource = (typeof quotaResources)[number];

/** -1 means unlimited, as in OpenStack quota sets. */
export const UNLIMITED = -1;

export type ProjectAllocation = { projectId: string; projectName: string; limit: number };

const quotaError = (reason: string, params: Record<string, string | number>) =>
  new DomainError('QUOTA_EXCEEDED', reason, { reason, params });

/** Effective limit of a project without its own row: it inherits "unlimited" from an unlimited
 * department and gets nothing from a limited one until an admin allocates some. */
export const defaultProjectLimit = (departmentLimit: number): number =>
  departmentLimit === UNLIMITED ? UNLIMITED : 0;

export const allocatedOf = (allocations: readonly ProjectAllocation[]): number =>
  allocations.reduce((sum, a) => sum + Math.max(a.limit, 0), 0);

/** What a department still has to hand out for one resource (null = unlimited). */
export const remainingForProjects = (
  departmentLimit: number,
  otherProjects: readonly ProjectAllocation[],
): number | null =>
  departmentLimit === UNLIMITED ? null : departmentLimit - allocatedOf(otherProjects);

/** A project's quota never exceeds what its department has left. */
export const assertProjectLimitFits = (input: {
  resource: QuotaResource;
  limit: number;
  departmentLimit: number;
  otherProjects: readonly ProjectAllocation[];
}): void => {
  const remaining = remainingForProjects(input.departmentLimit, input.otherProjects);
  if (remaining === null) return;
  if (input.limit === UNLIMITED) {
    throw quotaError('project_unlimited_in_limited_department', {
      resource: input.resource,
      departmentLimit: input.departmentLimit,
    });
  }
  if (input.limit > remaining) {
    throw quotaError('project_exceeds_department', {
      resource: input.resource,
      limit: input.limit,
      remaining: Math.max(remaining, 0),
      departmentLimit: input.departmentLimit,
    });
  }
};

/** A department's limit may not drop below what its projects already hold. */
export const assertDepartmentLimitCovers = (input: {
  resource: QuotaResource;
  limit: number;
  projects: readonly ProjectAllocation[];
}): void => {
  if (input.limit === UNLIMITED) return;
  const unlimited = input.projects.find((p) => p.limit === UNLIMITED);
  if (unlimited) {
    throw quotaError('department_has_unlimited_project', {
      resource: input.resource,
      project: unlimited.projectName,
    });
  }
  const allocated = allocatedOf(input.projects);
  if (allocated > input.limit) {
    throw quotaError('department_below_allocated', {
      resource: input.resource,
      limit: input.limit,
      allocated,
    });
  }
};

/** Live use of a project for one resource against its limit (UNLIMITED never refuses). */
export const assertUsageFits = (input: {
  resource: QuotaResource;
  limit: number;
  used: number;
  requested: number;
}): void => {
  if (input.limit === UNLIMITED || input.requested <= 0) return;
  if (input.used + input.requested > input.limit) {
    throw quotaError('quota_exceeded', {
      resource: input.resource,
      limit: input.limit,
      used: input.used,
      requested: input.requested,
    });
  }
};
