import { Prisma } from '../generated/prisma/client';
import type { DbClient } from './db-client';
import type { ServerFilter, ServerRow, ServerSort } from './server-repository';

/**
 * One page of the server list in one statement (ADR 0120): the page's ids are picked from the
 * partial index `resource_live_servers_by_*` (an index-only scan skips the offset without
 * touching the table — a "deferred join"), then the 50 rows are read by primary key, each with
 * its unfinished task (at most one per target: the `task_one_active_per_target` index); the
 * project row and the exact count come in the same round trip.
 */
export type ServerPageRow = ServerRow & {
  activeTask: { id: string; action: string; status: string } | null;
};

const SORT_COLUMN = { name: 'name', status: 'status', createdAt: 'first_seen_at' } as const;

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

const whereOf = (f: ServerFilter): Prisma.Sql =>
  Prisma.join(
    [
      Prisma.sql`"type" = 'server'`,
      Prisma.sql`"project_id" = ${f.projectId}`,
      ...(f.includeDeleted ? [] : [Prisma.sql`"deleted_at" IS NULL`]),
      ...(f.status ? [Prisma.sql`"status" = ${f.status}`] : []),
      ...(f.datacenterId ? [Prisma.sql`"datacenter_id" = ${f.datacenterId}`] : []),
      ...(f.q ? [Prisma.sql`"name" ILIKE ${`%${escapeLike(f.q)}%`}`] : []),
    ],
    ' AND ',
  );

const orderOf = (sort: ServerSort, alias: string): Prisma.Sql => {
  const dir = sort.startsWith('-') ? 'DESC' : 'ASC';
  const column = SORT_COLUMN[sort.replace(/^-/, '') as keyof typeof SORT_COLUMN];
  return Prisma.raw(`${alias}"${column}" ${dir}, ${alias}"id" ${dir}`);
};

/**
 * The list statement (exported for the bench's bare reference endpoint: the same SQL): the live
 * project's department, the exact total and the page, in one round trip. No row when the project
 * does not exist (or is deleted); one row with null server columns when the page is empty.
 */
export const serverPageSql = (
  filter: ServerFilter,
  sort: ServerSort,
  page: number,
  pageSize: number,
): Prisma.Sql => Prisma.sql`
  WITH p AS (SELECT "department_id" FROM "project"
             WHERE "id" = ${filter.projectId} AND "deleted_at" IS NULL),
       c AS (SELECT COUNT(*)::int AS "total" FROM "resource" WHERE ${whereOf(filter)}),
       k AS (SELECT "id" FROM "resource" WHERE ${whereOf(filter)}
             ORDER BY ${orderOf(sort, '')} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})
  SELECT p."department_id" AS "project_department_id", c."total",
         r."id", r."datacenter_id", r."external_id", r."project_id", r."project_external_id",
         r."name", r."status", r."spec", r."first_seen_at", r."last_seen_at", r."deleted_at",
         r."updated_at", t."id" AS "task_id", t."action" AS "task_action",
         t."status" AS "task_status"
  FROM p CROSS JOIN c
  LEFT JOIN (k JOIN "resource" r ON r."id" = k."id") ON true
  LEFT JOIN LATERAL (
    SELECT "id", "action", "status" FROM "task"
    WHERE "status" IN ('held', 'queued', 'running') AND "target_type" = 'server'
      AND "datacenter_id" = r."datacenter_id" AND "target_external_id" = r."external_id"
    LIMIT 1) t ON true
  ORDER BY ${orderOf(sort, 'r.')}`;

type Raw = {
  project_department_id: string;
  total: number;
  id: string | null;
  datacenter_id: string;
  external_id: string;
  project_id: string | null;
  project_external_id: string | null;
  name: string;
  status: string;
  spec: Prisma.JsonValue;
  first_seen_at: Date;
  last_seen_at: Date;
  deleted_at: Date | null;
  updated_at: Date;
  task_id: string | null;
  task_action: string | null;
  task_status: string | null;
};

const toRow = (r: Raw & { id: string }): ServerPageRow => ({
  id: r.id,
  datacenterId: r.datacenter_id,
  externalId: r.external_id,
  projectId: r.project_id,
  projectExternalId: r.project_external_id,
  name: r.name,
  status: r.status,
  spec: r.spec,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  deletedAt: r.deleted_at,
  updatedAt: r.updated_at,
  activeTask:
    r.task_id && r.task_action && r.task_status
      ? { id: r.task_id, action: r.task_action, status: r.task_status }
      : null,
});

export type ServerPage = {
  /** The live project's department. */
  project: { id: string; departmentId: string };
  rows: ServerPageRow[];
  total: number;
};

/** A page of servers with their unfinished tasks and the exact total; null: no such project. */
export const listServerPage = async (
  db: DbClient,
  filter: ServerFilter,
  sort: ServerSort,
  page: number,
  pageSize: number,
): Promise<ServerPage | null> => {
  const raw = await db.$queryRaw<Raw[]>(serverPageSql(filter, sort, page, pageSize));
  const first = raw[0];
  if (!first) return null;
  return {
    project: { id: filter.projectId, departmentId: first.project_department_id },
    rows: raw.filter((r): r is Raw & { id: string } => r.id !== null).map(toRow),
    total: first.total,
  };
};
