import {
  assertDepartmentLimitCovers,
  assertProjectLimitFits,
  type QuotaResource,
} from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { lockDepartmentForQuota } from '../../repositories/quota-repository';
import { loadDepartmentQuotas } from './load-department-quotas';

/** Inside the caller's transaction: lock the department, then check the new limit against the
 * department's picture (a project never exceeds what its department has left). */
export const checkQuotaLimit = async (
  tx: DbClient,
  input: { departmentId: string; projectId: string | null; resource: QuotaResource; limit: number },
): Promise<void> => {
  await lockDepartmentForQuota(tx, input.departmentId);
  const quotas = await loadDepartmentQuotas(tx, input.departmentId);
  if (input.projectId === null) {
    assertDepartmentLimitCovers({
      resource: input.resource,
      limit: input.limit,
      projects: quotas.allocations(input.resource),
    });
    return;
  }
  assertProjectLimitFits({
    resource: input.resource,
    limit: input.limit,
    departmentLimit: quotas.departmentLimit(input.resource),
    otherProjects: quotas.allocations(input.resource, input.projectId),
  });
};
