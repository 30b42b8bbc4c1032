import { notFound } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import { countOwnedUsage } from '../../repositories/owned-usage-repository';
import { lockLiveProject, softDeleteProjectRow } from '../../repositories/project-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { assertOwnsNothing } from '../owners/assert-owns-nothing';
import { findProjectFor } from './find-visible-project';

/**
 * Refused (409 `project_not_empty`, nothing changed) while the project owns live mirror rows or
 * unfinished tasks. Otherwise a soft delete (docs/adr/0113): the row stays for its tasks and
 * mirror history, lists and look-ups skip it, its name is free again; member assignments and
 * quotas go. The row lock taken before counting makes a racing create either counted here or
 * refused by the database (migration 0010).
 */
export const deleteProject = async (ctx: ServiceContext, id: string): Promise<void> => {
  await inTransaction(ctx.db, async (tx) => {
    const row = await findProjectFor(ctx, id, 'project.delete', tx);
    if (!(await lockLiveProject(tx, id))) throw notFound('project', id);
    const usage = await countOwnedUsage(tx, { kind: 'project', id });
    assertOwnsNothing('project', row.name, usage);
    await softDeleteProjectRow(tx, id, ctx.now());
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
