import type { Quota } from '@yunguan/contract';
import type { QuotaResource } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import { updateQuotaLimit } from '../../repositories/quota-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { checkQuotaLimit } from './check-quota-limit';
import { viewOfRow } from './find-visible-quota';
import { findQuotaForChange } from './find-quota-for-change';

export const updateQuota = async (
  ctx: ServiceContext,
  id: string,
  input: { limit: number },
): Promise<Quota> =>
  inTransaction(ctx.db, async (tx) => {
    const before = await findQuotaForChange(ctx, id, tx);
    await checkQuotaLimit(tx, {
      ...before,
      resource: before.resource as QuotaResource,
      limit: input.limit,
    });
    const row = await updateQuotaLimit(tx, id, input.limit);
    await recordAudit(tx, ctx, {
      action: 'quota.update',
      targetType: 'quota',
      targetId: id,
      targetName: before.resource,
      departmentId: row.departmentId,
      projectId: row.projectId,
      detail: { resource: row.resource, from: before.limit, to: row.limit },
    });
    return viewOfRow(tx, row);
  });
