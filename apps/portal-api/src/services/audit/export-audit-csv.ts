import { listAuditBatch } from '../../repositories/audit-repository';
import type { ServiceContext } from '../context';
import { toAuditEvent } from '../mappers';
import { auditFilterFor, type AuditQuery } from './list-audit-events';

const columns = [
  'id',
  'at',
  'actorName',
  'action',
  'targetType',
  'targetId',
  'targetName',
  'departmentId',
  'projectId',
  'sourceIp',
  'result',
  'requestId',
] as const;

/** RFC 4180 quoting, and a leading ' on cells a spreadsheet would treat as a formula. */
export const csvCell = (value: string | null): string => {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Every matching event, newest first, in batches so memory stays flat. */
export async function* exportAuditCsv(
  ctx: ServiceContext,
  query: AuditQuery,
): AsyncGenerator<string> {
  const filter = auditFilterFor(ctx, query);
  yield `\uFEFF${columns.join(',')}\r\n`;
  let before: bigint | null = null;
  for (;;) {
    const rows = await listAuditBatch(ctx.db, filter, before, 1000);
    if (rows.length === 0) return;
    yield rows
      .map((r) => {
        const e = toAuditEvent(r);
        return columns.map((c) => csvCell(e[c])).join(',') + '\r\n';
      })
      .join('');
    before = rows[rows.length - 1]!.id;
  }
}
