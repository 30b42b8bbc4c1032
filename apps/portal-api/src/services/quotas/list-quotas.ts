import type { Quota } from '@yunguan/contract';
import { can, reachOf } from '@yunguan/domain';
import { listProjectRows } from '../../repositories/project-repository';
import type { ServiceContext } from '../context';
import { findDepartmentFor } from '../departments/find-visible-department';
import { findProjectFor } from '../projects/find-visible-project';
import { loadDepartmentQuotas } from './load-department-quotas';

/** Effective quotas: one project, one department, or everything the caller may read. */
export const listQuotas = async (
  ctx: ServiceContext,
  input: { departmentId?: string; projectId?: string },
): Promise<Quota[]> => {
  if (input.projectId) {
    const project = await findProjectFor(ctx, input.projectId, 'quota.read');
    const quotas = await loadDepartmentQuotas(ctx.db, project.departmentId);
    return quotas.projectView({
      id: project.id,
      name: project.name,
      departmentId: project.departmentId,
    });
  }
  if (input.departmentId) {
    await findDepartmentFor(ctx, input.departmentId, 'quota.read');
    return (await loadDepartmentQuotas(ctx.db, input.departmentId)).departmentView();
  }
  const reach = reachOf(ctx.principal, 'quota.read');
  const { rows: projects } = await listProjectRows(ctx.db, { reach, page: 1, pageSize: 1000 });
  const departmentIds = [...new Set(projects.map((p) => p.departmentId))];
  const items: Quota[] = [];
  for (const departmentId of departmentIds) {
    const quotas = await loadDepartmentQuotas(ctx.db, departmentId);
    if (can(ctx.principal, 'quota.read', { departmentId, projectId: null }))
      items.push(...quotas.departmentView());
    for (const p of projects.filter((x) => x.departmentId === departmentId)) {
      items.push(...quotas.projectView({ id: p.id, name: p.name, departmentId }));
    }
  }
  return items;
};
