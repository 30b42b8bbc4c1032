import { inTransaction } from '../../repositories/db-client';
import { deleteProjectRow } from '../../repositories/project-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findProjectFor } from './find-visible-project';

/** Member assignments and quotas of the project go with it (FK cascade). Cloud resources arrive
 * in M1.4; from then on a project that still owns resources cannot be deleted. */
export const deleteProject = async (ctx: ServiceContext, id: string): Promise<void> => {
  await inTransaction(ctx.db, async (tx) => {
    const row = await findProjectFor(ctx, id, 'project.delete', tx);
    await deleteProjectRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'project.delete',
      targetType: 'project',
      targetId: id,
      targetName: row.name,
      departmentId: row.departmentId,
      projectId: id,
    });
  });
};
