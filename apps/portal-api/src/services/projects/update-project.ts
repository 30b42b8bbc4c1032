import type { Project } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { inTransaction, isUniqueViolation } from '../../repositories/db-client';
import { updateProjectRow } from '../../repositories/project-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { toProject } from '../mappers';
import { findProjectFor } from './find-visible-project';

export const updateProject = async (
  ctx: ServiceContext,
  id: string,
  input: { name?: string; description?: string },
): Promise<Project> => {
  const before = await findProjectFor(ctx, id, 'project.update');
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const row = await updateProjectRow(tx, id, input);
      await recordAudit(tx, ctx, {
        action: 'project.update',
        targetType: 'project',
        targetId: id,
        targetName: row.name,
        departmentId: row.departmentId,
        projectId: id,
        detail: { previousName: before.name, fields: Object.keys(input) },
      });
      return toProject(row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('name_taken', { name: input.name ?? '', in: before.department.name });
    throw error;
  }
};
