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
  const where = args.q
    ? {
        OR: [
          { name: { contains: args.q, mode: 'insensitive' as const } },
          { region: { contains: args.q, mode: 'insensitive' as const } },
        ],
      }
    : {};
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

export const findDatacenterRow = (db: DbClient, id: string): Promise<DatacenterRow | null> =>
  db.datacenter.findUnique({ where: { id }, include });

export const insertDatacenter = (
  db: DbClient,
  data: { name: string; region: string; kind: string; description: string },
): Promise<DatacenterRow> => db.datacenter.create({ data, include });

export const updateDatacenterRow = (
  db: DbClient,
  id: string,
  data: { name?: string; region?: string; description?: string; tunnelPort?: number },
): Promise<DatacenterRow> => db.datacenter.update({ where: { id }, data, include });

export const deleteDatacenterRow = async (db: DbClient, id: string): Promise<void> => {
  await db.datacenter.delete({ where: { id } });
};

/** Agents whose keys belong in the tunnel registry (reconciliation). */
export const listActiveAgents = (db: DbClient) =>
  db.datacenterAgent.findMany({
    where: { revokedAt: null, datacenter: { tunnelPort: { not: null } } },
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
