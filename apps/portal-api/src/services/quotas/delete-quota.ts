import { inTransaction } from '../../repositories/db-client';
import { deleteQuotaRow, lockDepartmentForQuota } from '../../repositories/quota-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findQuotaForChange } from './find-quota-for-change';

/** Back to the default: unlimited for a department; for a project, unlimited under an unlimited
 * department and 0 under a limited one — so a reset never breaks the department's sum. */
export const deleteQuota = async (ctx: ServiceContext, id: string): Promise<void> => {
  await inTransaction(ctx.db, async (tx) => {
    const before = await findQuotaForChange(ctx, id, tx);
    await lockDepartmentForQuota(tx, before.departmentId);
    await deleteQuotaRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'quota.delete',
      targetType: 'quota',
      targetId: id,
      targetName: before.resource,
      departmentId: before.departmentId,
      projectId: before.projectId,
      detail: { resource: before.resource, previousLimit: before.limit },
    });
  });
};
