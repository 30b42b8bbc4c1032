import type { Project } from '@yunguan/contract';
import { can, conflict, forbidden, notFound } from '@yunguan/domain';
import { findDepartmentRow } from '../../repositories/department-repository';
import { inTransaction, isUniqueViolation } from '../../repositories/db-client';
import { insertProject } from '../../repositories/project-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { toProject } from '../mappers';

export const createProject = async (
  ctx: ServiceContext,
  input: { name: string; description: string; departmentId: string },
): Promise<Project> => {
  const target = { departmentId: input.departmentId, projectId: null };
  if (!can(ctx.principal, 'project.create', target)) {
    const visible =
      can(ctx.principal, 'department.read', target) ||
      ctx.principal.departmentId === input.departmentId;
    throw visible ? forbidden('project.create') : notFound('department', input.departmentId);
  }
  const department = await findDepartmentRow(ctx.db, input.departmentId);
  if (!department) throw notFound('department', input.departmentId);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const row = await insertProject(tx, input);
      await recordAudit(tx, ctx, {
        action: 'project.create',
        targetType: 'project',
        targetId: row.id,
        targetName: row.name,
        departmentId: row.departmentId,
        projectId: row.id,
      });
      return toProject(row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('name_taken', { name: input.name, in: department.name });
    throw error;
  }
};
