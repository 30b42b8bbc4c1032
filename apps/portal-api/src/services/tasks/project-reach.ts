import { reachOf, type Permission, type Principal } from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { listProjectsOfDepartments } from '../../repositories/project-repository';

/** The projects a principal reaches with `permission`: null means every project (platform). */
export const reachableProjectIds = async (
  db: DbClient,
  principal: Principal,
  permission: Permission,
): Promise<string[] | null> => {
  const reach = reachOf(principal, permission);
  if (reach.all) return null;
  const ofDepartments =
    reach.departmentIds.length > 0 ? await listProjectsOfDepartments(db, reach.departmentIds) : [];
  return [...new Set([...reach.projectIds, ...ofDepartments.map((p) => p.id)])];
};
