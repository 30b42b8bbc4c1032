import type { DbClient } from './db-client';
import { pageArgs } from './db-client';

const include = {
  agent: true,
  enrollmentTokens: {
    where: { usedAt: null, revokedAt: null },
    orderBy: { expiresAt: 'desc' },
    take: 1,
    select: { expiresAt: true },
  },
} as const;

export type DatacenterAgentRow = {
  id: string;
  datacenterId: string;
  publicKey: string;
  fingerprint: string;
  version: string | null;
  routerSecretEnc: string;
  enrolledAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
};

export type DatacenterRow = {
  id: string;
  name: string;
  region: string;
  kind: string;
  description: string;
  tunnelPort: number | null;
  createdAt: Date;
  updatedAt: Date;
  agent: DatacenterAgentRow | null;
  /** The newest unused, unrevoked token (possibly expired). */
  enrollmentTokens: { expiresAt: Date }[];
};

export const listDatacenterRows = async (
  db: DbClient,
  args: { q?: string; page: number; pageSize: number },
): Promise<{ rows: DatacenterRow[]; total: number }> => {
  const where = {
    deletedAt: null,
    ...(args.q
      ? {
          OR: [
            { name: { contains: args.q, mode: 'insensitive' as const } },
            { region: { contains: args.q, mode: 'insensitive' as const } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.datacenter.findMany({
      where,
      include,
      orderBy: { name: 'asc' },
      ...pageArgs(args.page, args.pageSize),
    }),
    db.datacenter.count({ where }),
  ]);
  return { rows, total };
};

/** A live datacenter (a soft-deleted one is not found). */
export const findDatacenterRow = (db: DbClient, id: string): Promise<DatacenterRow | null> =>
  db.datacenter.findFirst({ where: { id, deletedAt: null }, include });

export const insertDatacenter = (
  db: DbClient,
  data: { name: string; region: string; kind: string; description: string },
): Promise<DatacenterRow> => db.datacenter.create({ data, include });

export const updateDatacenterRow = (
  db: DbClient,
  id: string,
  data: { name?: string; region?: string; description?: string; tunnelPort?: number },
): Promise<DatacenterRow> => db.datacenter.update({ where: { id }, data, include });

/** Row lock before counting what the datacenter mirrors (see lockLiveProject). */
export const lockLiveDatacenter = async (db: DbClient, id: string): Promise<boolean> => {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM datacenter WHERE id = ${id} AND deleted_at IS NULL FOR UPDATE`;
  return rows.length > 0;
};

/** Soft delete (docs/adr/0113): the row, its mirror and tenant bindings stay for history; the
 * tunnel port is freed, the agent revoked, pending enrollment tokens revoked, and the service
 * account and sync state (configuration) dropped. */
export const softDeleteDatacenterRow = async (
  db: DbClient,
  id: string,
  at: Date,
): Promise<void> => {
  await db.datacenterAgent.updateMany({
    where: { datacenterId: id, revokedAt: null },
    data: { revokedAt: at },
  });
  await db.enrollmentToken.updateMany({
    where: { datacenterId: id, usedAt: null, revokedAt: null },
    data: { revokedAt: at },
  });
  await db.datacenterCredential.deleteMany({ where: { datacenterId: id } });
  await db.datacenterSyncState.deleteMany({ where: { datacenterId: id } });
  await db.datacenter.update({ where: { id }, data: { deletedAt: at, tunnelPort: null } });
};

/** Agents whose keys belong in the tunnel registry (reconciliation). */
export const listActiveAgents = (db: DbClient) =>
  db.datacenterAgent.findMany({
    where: { revokedAt: null, datacenter: { tunnelPort: { not: null }, deletedAt: null } },
    include: { datacenter: { select: { tunnelPort: true } } },
  });

export const upsertAgent = (
  db: DbClient,
  data: {
    datacenterId: string;
    publicKey: string;
    fingerprint: string;
    version: string | null;
    routerSecretEnc: string;
    enrolledAt: Date;
  },
): Promise<DatacenterAgentRow> =>
  db.datacenterAgent.upsert({
    where: { datacenterId: data.datacenterId },
    create: data,
    update: { ...data, revokedAt: null, lastSeenAt: null },
  });

export const revokeAgentRow = async (
  db: DbClient,
  datacenterId: string,
  at: Date,
): Promise<void> => {
  await db.datacenterAgent.updateMany({
    where: { datacenterId, revokedAt: null },
    data: { revokedAt: at },
  });
};

export const recordAgentSeen = async (
  db: DbClient,
  datacenterIds: string[],
  at: Date,
): Promise<number> => {
  const result = await db.datacenterAgent.updateMany({
    where: { datacenterId: { in: datacenterIds }, revokedAt: null },
    data: { lastSeenAt: at },
  });
  return result.count;
};
