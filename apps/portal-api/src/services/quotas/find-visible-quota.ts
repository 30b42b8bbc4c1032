import type { Quota } from '@yunguan/contract';
import { assertCan, notFound, type Permission } from '@yunguan/domain';
import type { DbClient } from '../../repositories/db-client';
import { findQuotaRow, type QuotaRow } from '../../repositories/quota-repository';
import type { ServiceContext } from '../context';
import { loadDepartmentQuotas } from './load-department-quotas';

export const quotaTarget = (row: { departmentId: string; projectId: string | null }) => ({
  departmentId: row.departmentId,
  projectId: row.projectId,
});

export const findQuotaFor = async (
  ctx: ServiceContext,
  id: string,
  permission: Permission,
  db: DbClient = ctx.db,
): Promise<QuotaRow> => {
  const row = await findQuotaRow(db, id);
  if (!row) throw notFound('quota', id);
  assertCan(ctx.principal, permission, quotaTarget(row), 'quota.read', 'quota');
  return row;
};

/** The DTO of one stored row, rendered through the department's full picture. */
export const viewOfRow = async (db: DbClient, row: QuotaRow): Promise<Quota> => {
  const quotas = await loadDepartmentQuotas(db, row.departmentId);
  const list = row.projectId
    ? quotas.projectView(
        quotas.projects.find((p) => p.id === row.projectId) ?? {
          id: row.projectId,
          name: '',
          departmentId: row.departmentId,
        },
      )
    : quotas.departmentView();
  const found = list.find((q) => q.resource === row.resource);
  if (!found) throw notFound('quota', row.id);
  return found;
};
