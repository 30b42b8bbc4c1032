import type { Prisma } from '../generated/prisma/client';
import type { DbClient } from './db-client';
import { pageArgs } from './db-client';

/** Read side of the inventory mirror for servers (rows are written by services/inventory). */
export type ServerRow = {
  id: string;
  datacenterId: string;
  externalId: string;
  projectId: string | null;
  projectExternalId: string | null;
  name: string;
  status: string;
  spec: Prisma.JsonValue;
  firstSeenAt: Date;
  lastSeenAt: Date;
  deletedAt: Date | null;
  updatedAt: Date;
};

const select = {
  id: true,
  datacenterId: true,
  externalId: true,
  projectId: true,
  projectExternalId: true,
  name: true,
  status: true,
  spec: true,
  firstSeenAt: true,
  lastSeenAt: true,
  deletedAt: true,
  updatedAt: true,
} as const;

export const findServerRow = (db: DbClient, id: string): Promise<ServerRow | null> =>
  db.resource.findFirst({ where: { id, type: 'server' }, select });

export type ServerFilter = {
  projectId: string;
  status?: string;
  datacenterId?: string;
  q?: string;
  includeDeleted: boolean;
};

export type ServerSort = 'name' | '-name' | 'status' | '-status' | 'createdAt' | '-createdAt';

const whereOf = (f: ServerFilter): Prisma.ResourceWhereInput => ({
  type: 'server',
  projectId: f.projectId,
  ...(f.includeDeleted ? {} : { deletedAt: null }),
  ...(f.status ? { status: f.status } : {}),
  ...(f.datacenterId ? { datacenterId: f.datacenterId } : {}),
  ...(f.q ? { name: { contains: f.q, mode: 'insensitive' as const } } : {}),
});

const orderOf = (sort: ServerSort): Prisma.ResourceOrderByWithRelationInput[] => {
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const field = sort.replace(/^-/, '');
  const key = field === 'createdAt' ? 'firstSeenAt' : field;
  return [{ [key]: dir }, { id: dir }];
};

export const listServerRows = async (
  db: DbClient,
  filter: ServerFilter,
  sort: ServerSort,
  page: number,
  pageSize: number,
): Promise<{ rows: ServerRow[]; total: number }> => {
  const where = whereOf(filter);
  const [rows, total] = await Promise.all([
    db.resource.findMany({ where, orderBy: orderOf(sort), ...pageArgs(page, pageSize), select }),
    db.resource.count({ where }),
  ]);
  return { rows, total };
};

/** Live servers of a project as the quota sees them: count, vCPUs and RAM of their flavors. */
export const sumServerUsage = async (
  db: DbClient,
  projectId: string,
): Promise<{ instances: number; vcpus: number; ramMb: number }> => {
  const rows = await db.$queryRaw<{ instances: bigint; vcpus: bigint; ram_mb: bigint }[]>`
    SELECT COUNT(*)::bigint AS instances,
           COALESCE(SUM(COALESCE(("spec"->'flavor'->>'vcpus')::int, 0)), 0)::bigint AS vcpus,
           COALESCE(SUM(COALESCE(("spec"->'flavor'->>'ramMb')::int, 0)), 0)::bigint AS ram_mb
    FROM "resource"
    WHERE "project_id" = ${projectId} AND "type" = 'server' AND "deleted_at" IS NULL`;
  const row = rows[0];
  return {
    instances: Number(row?.instances ?? 0),
    vcpus: Number(row?.vcpus ?? 0),
    ramMb: Number(row?.ram_mb ?? 0),
  };
};
