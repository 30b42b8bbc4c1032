import { sanitizeText, type Principal } from '@yunguan/domain';
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

type Detail = AuditInsert['detail'];
const clean = (text: string | null): string | null => (text === null ? null : sanitizeText(text));
/** Every string in a detail value, however nested (a task's input holds lists and objects). */
const cleanValue = (value: unknown, max: number): unknown => {
  if (typeof value === 'string') return sanitizeText(value, max);
  if (Array.isArray(value)) return value.map((x) => cleanValue(x, 255));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [sanitizeText(k, 64), cleanValue(v, 255)]),
    );
  return value;
};
const cleanDetail = (detail: Detail): Detail =>
  Object.fromEntries(
    Object.entries(detail).map(([k, v]) => [sanitizeText(k, 64), cleanValue(v, 1024)]),
  ) as Detail;

/**
 * Append one audit row (inside the caller's transaction when given one). Text is sanitised
 * (ADR 0114): a row about a refused hostile request is written whatever the request held.
 */
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
    actorName: sanitizeText(actor.name),
    action: sanitizeText(entry.action),
    targetType: sanitizeText(entry.targetType),
    targetId: clean(entry.targetId ?? null),
    targetName: clean(entry.targetName ?? null),
    departmentId: entry.departmentId ?? null,
    projectId: entry.projectId ?? null,
    sourceIp: ctx.sourceIp,
    result: entry.result ?? 'success',
    requestId: ctx.requestId,
    detail: cleanDetail(entry.detail ?? {}),
  });
  ctx.audit.written = true;
};
