import type { Quota } from '@yunguan/contract';
import { conflict, type QuotaResource } from '@yunguan/domain';
import { inTransaction, isUniqueViolation } from '../../repositories/db-client';
import { insertQuota } from '../../repositories/quota-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findDepartmentFor } from '../departments/find-visible-department';
import { findProjectFor } from '../projects/find-visible-project';
import { checkQuotaLimit } from './check-quota-limit';
import { viewOfRow } from './find-visible-quota';

export type CreateQuotaInput =
  | { scope: 'department'; departmentId: string; resource: QuotaResource; limit: number }
  | { scope: 'project'; projectId: string; resource: QuotaResource; limit: number };

const ownerOf = async (ctx: ServiceContext, input: CreateQuotaInput) => {
  if (input.scope === 'department') {
    const d = await findDepartmentFor(ctx, input.departmentId, 'quota.update.department');
    return { departmentId: d.id, projectId: null, name: d.name };
  }
  const p = await findProjectFor(ctx, input.projectId, 'quota.update.project');
  return { departmentId: p.departmentId, projectId: p.id, name: p.name };
};

export const createQuota = async (ctx: ServiceContext, input: CreateQuotaInput): Promise<Quota> => {
  const owner = await ownerOf(ctx, input);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      await checkQuotaLimit(tx, { ...owner, resource: input.resource, limit: input.limit });
      const row = await insertQuota(tx, {
        scope: input.scope,
        departmentId: owner.departmentId,
        projectId: owner.projectId,
        resource: input.resource,
        limit: input.limit,
      });
      await recordAudit(tx, ctx, {
        action: 'quota.create',
        targetType: 'quota',
        targetId: row.id,
        targetName: `${owner.name}/${input.resource}`,
        departmentId: owner.departmentId,
        projectId: owner.projectId,
        detail: { resource: input.resource, limit: input.limit },
      });
      return viewOfRow(tx, row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('quota_exists', { resource: input.resource });
    throw error;
  }
};
