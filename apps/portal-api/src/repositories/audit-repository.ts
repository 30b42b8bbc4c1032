import type { Reach } from '@yunguan/domain';
import type { DbClient } from './db-client';
import { pageArgs } from './db-client';

export type AuditInsert = {
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
  departmentId: string | null;
  projectId: string | null;
  sourceIp: string | null;
  result: 'success' | 'failure';
  requestId: string | null;
  detail: Record<string, string | number | boolean | null | string[]>;
};

export type AuditRow = AuditInsert & { id: bigint; at: Date; detail: unknown };

export const insertAudit = async (db: DbClient, row: AuditInsert): Promise<void> => {
  await db.auditLog.create({ data: row });
};

export type AuditFilter = {
  reach: Reach;
  actor?: string;
  action?: string;
  result?: 'success' | 'failure';
  from?: Date;
  to?: Date;
};

const whereOf = (f: AuditFilter) => ({
  AND: [
    f.reach.all
      ? {}
      : {
          OR: [
            { departmentId: { in: f.reach.departmentIds } },
            { projectId: { in: f.reach.projectIds } },
          ],
        },
    f.actor ? { actorName: { contains: f.actor, mode: 'insensitive' as const } } : {},
    f.action ? { action: { startsWith: f.action } } : {},
    f.result ? { result: f.result } : {},
    f.from || f.to
      ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } }
      : {},
  ],
});

export const listAuditRows = async (
  db: DbClient,
  filter: AuditFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: AuditRow[]; total: number }> => {
  const where = whereOf(filter);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: { id: 'desc' }, ...pageArgs(page.page, page.pageSize) }),
    db.auditLog.count({ where }),
  ]);
  return { rows: rows as AuditRow[], total };
};

/** Stream-friendly batches for CSV export (keyset pagination on id). */
export const listAuditBatch = async (
  db: DbClient,
  filter: AuditFilter,
  beforeId: bigint | null,
  take: number,
) =>
  (await db.auditLog.findMany({
    where: { AND: [whereOf(filter), beforeId ? { id: { lt: beforeId } } : {}] },
    orderBy: { id: 'desc' },
    take,
  })) as AuditRow[];

export const findAuditRow = async (db: DbClient, id: bigint): Promise<AuditRow | null> =>
  (await db.auditLog.findUnique({ where: { id } })) as AuditRow | null;
