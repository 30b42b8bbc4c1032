import type { Principal } from '@yunguan/domain';
import type { AuditInsert } from '../../repositories/audit-repository';
import { insertAudit } from '../../repositories/audit-repository';
import type { DbClient } from '../../repositories/db-client';
import type { RequestContext } from '../context';

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  targetName?: string | null;
  departmentId?: string | null;
  projectId?: string | null;
  result?: 'success' | 'failure';
  detail?: AuditInsert['detail'];
  actor?: { id: string | null; name: string };
};

/** Append one audit row (inside the caller's transaction when given one). */
export const recordAudit = async (
  db: DbClient,
  ctx: RequestContext & { principal?: Principal },
  entry: AuditEntry,
): Promise<void> => {
  const actor = entry.actor ?? {
    id: ctx.principal?.userId ?? null,
    name: ctx.principal?.username ?? 'anonymous',
  };
  await insertAudit(db, {
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    targetName: entry.targetName ?? null,
    departmentId: entry.departmentId ?? null,
    projectId: entry.projectId ?? null,
    sourceIp: ctx.sourceIp,
    result: entry.result ?? 'success',
    requestId: ctx.requestId,
    detail: entry.detail ?? {},
  });
  ctx.audit.written = true;
};
