import type { AuditEvent } from '@yunguan/contract';
import { can, notFound } from '@yunguan/domain';
import { findAuditRow } from '../../repositories/audit-repository';
import type { ServiceContext } from '../context';
import { toAuditEvent } from '../mappers';

export const getAuditEvent = async (ctx: ServiceContext, id: string): Promise<AuditEvent> => {
  const row = /^\d{1,18}$/.test(id) ? await findAuditRow(ctx.db, BigInt(id)) : null;
  const visible =
    row !== null &&
    (can(ctx.principal, 'audit.read', {
      departmentId: row.departmentId,
      projectId: row.projectId,
    }) ||
      can(ctx.principal, 'audit.read', { departmentId: row.departmentId, projectId: null }));
  if (!row || !visible) throw notFound('audit event', id);
  return toAuditEvent(row);
};
