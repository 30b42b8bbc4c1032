import type { AuditEvent } from '@yunguan/contract';
import { forbidden, hasAnyGrantOf, reachOf } from '@yunguan/domain';
import { listAuditRows, type AuditFilter } from '../../repositories/audit-repository';
import type { ServiceContext } from '../context';
import { toAuditEvent } from '../mappers';

export type AuditQuery = {
  actor?: string;
  action?: string;
  result?: 'success' | 'failure';
  from?: string;
  to?: string;
};

/** Department admins see their department's events, project admins their project's. */
export const auditFilterFor = (ctx: ServiceContext, q: AuditQuery): AuditFilter => {
  if (!hasAnyGrantOf(ctx.principal, 'audit.read')) throw forbidden('audit.read');
  return {
    reach: reachOf(ctx.principal, 'audit.read'),
    ...(q.actor ? { actor: q.actor } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.result ? { result: q.result } : {}),
    ...(q.from ? { from: new Date(q.from) } : {}),
    ...(q.to ? { to: new Date(q.to) } : {}),
  };
};

export const listAuditEvents = async (
  ctx: ServiceContext,
  input: AuditQuery & { page: number; pageSize: number },
): Promise<{ items: AuditEvent[]; total: number; page: number; pageSize: number }> => {
  const { rows, total } = await listAuditRows(ctx.db, auditFilterFor(ctx, input), input);
  return { items: rows.map(toAuditEvent), total, page: input.page, pageSize: input.pageSize };
};
