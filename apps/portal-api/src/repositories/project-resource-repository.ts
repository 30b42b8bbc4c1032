import type { Prisma } from '../generated/prisma/client';
import { pageArgs, type DbClient } from './db-client';
import type { ResourceRow } from './resource-repository';

/** Storage and network objects of the mirror (M1.5), by kind; servers keep server-repository. */
export const findResourceRowOfKind = (
  db: DbClient,
  id: string,
  type: string,
): Promise<ResourceRow | null> => db.resource.findFirst({ where: { id, type } });

export const findResourceRowById = (db: DbClient, id: string): Promise<ResourceRow | null> =>
  db.resource.findUnique({ where: { id } });

export type ResourceFilter = {
  projectId: string;
  type: string;
  status?: string;
  datacenterId?: string;
  q?: string;
  includeDeleted?: boolean;
};

export type ResourceSort = 'name' | '-name' | 'status' | '-status' | 'createdAt' | '-createdAt';

const whereOf = (f: ResourceFilter): Prisma.ResourceWhereInput => ({
  type: f.type,
  projectId: f.projectId,
  ...(f.includeDeleted ? {} : { deletedAt: null }),
  ...(f.status ? { status: f.status } : {}),
  ...(f.datacenterId ? { datacenterId: f.datacenterId } : {}),
  ...(f.q
    ? {
        OR: [
          { name: { contains: f.q, mode: 'insensitive' as const } },
          { externalId: { startsWith: f.q } },
        ],
      }
    : {}),
});

const orderOf = (sort: ResourceSort): Prisma.ResourceOrderByWithRelationInput[] => {
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const field = sort.replace(/^-/, '');
  const key = field === 'createdAt' ? 'firstSeenAt' : field;
  return [{ [key]: dir }, { id: dir }];
};

export const listResourceRows = async (
  db: DbClient,
  filter: ResourceFilter,
  sort: ResourceSort,
  page: number,
  pageSize: number,
): Promise<{ rows: ResourceRow[]; total: number }> => {
  const where = whereOf(filter);
  const [rows, total] = await Promise.all([
    db.resource.findMany({ where, orderBy: orderOf(sort), ...pageArgs(page, pageSize) }),
    db.resource.count({ where }),
  ]);
  return { rows, total };
};

/** Every live object of these kinds in a project (topology, target checks). */
export const listLiveResourcesOfProject = (
  db: DbClient,
  projectId: string,
  types: readonly string[],
  datacenterId?: string,
): Promise<ResourceRow[]> =>
  db.resource.findMany({
    where: {
      projectId,
      type: { in: [...types] },
      deletedAt: null,
      ...(datacenterId ? { datacenterId } : {}),
    },
    orderBy: [{ type: 'asc' }, { name: 'asc' }],
  });

/** Live objects of a datacenter by external id, whatever project owns them (shared networks). */
export const listLiveResourcesByExternalIds = (
  db: DbClient,
  datacenterId: string,
  type: string,
  externalIds: readonly string[],
): Promise<ResourceRow[]> =>
  db.resource.findMany({
    where: { datacenterId, type, externalId: { in: [...externalIds] }, deletedAt: null },
  });

/**
 * What a project's live mirror rows use, per quota resource: counts of volumes, snapshots,
 * backups, networks, floating IPs, security groups, load balancers, and the GB of its volumes.
 */
export const sumResourceUsage = async (
  db: DbClient,
  projectId: string,
): Promise<Record<string, number>> => {
  const rows = await db.$queryRaw<{ type: string; count: bigint; gb: bigint }[]>`
    SELECT "type", COUNT(*)::bigint AS count,
           COALESCE(SUM(COALESCE(("spec"->>'sizeGb')::int, 0)), 0)::bigint AS gb
    FROM "resource"
    WHERE "project_id" = ${projectId} AND "deleted_at" IS NULL AND "type" <> 'server'
    GROUP BY "type"`;
  const by = new Map(rows.map((r) => [r.type, r]));
  const count = (type: string) => Number(by.get(type)?.count ?? 0);
  return {
    volumes: count('volume'),
    volume_gb: Number(by.get('volume')?.gb ?? 0),
    snapshots: count('volume-snapshot'),
    backups: count('volume-backup'),
    networks: count('network'),
    floating_ips: count('floating-ip'),
    security_groups: count('security-group'),
    load_balancers: count('load-balancer'),
  };
};
