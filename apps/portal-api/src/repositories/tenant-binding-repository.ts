import type { Prisma } from '../generated/prisma/client';
import type { Database, DbClient } from './db-client';

/** projectExternalId is what every cloud call names; mapping is the rest of the adapter's binding. */
export type TenantBindingRow = {
  id: string;
  datacenterId: string;
  projectId: string;
  projectExternalId: string;
  mapping: Prisma.JsonValue;
  createdAt: Date;
};

export const findTenantBinding = (
  db: DbClient,
  datacenterId: string,
  projectId: string,
): Promise<TenantBindingRow | null> =>
  db.tenantBinding.findUnique({ where: { datacenterId_projectId: { datacenterId, projectId } } });

export const insertTenantBinding = (
  db: DbClient,
  data: {
    datacenterId: string;
    projectId: string;
    projectExternalId: string;
    mapping: Record<string, string>;
  },
): Promise<TenantBindingRow> => db.tenantBinding.create({ data });

/**
 * Serialise first-use binding of one (datacenter, project) across processes: a transaction-level
 * advisory lock, released at commit or rollback.
 */
export const lockTenantBinding = async (
  db: DbClient,
  datacenterId: string,
  projectId: string,
): Promise<void> => {
  const key = `tenant-binding:${datacenterId}:${projectId}`;
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
};

/** cloud project id → portal project id, for every bound project of a datacenter. */
export const mapProjectsByExternalId = async (
  db: DbClient,
  datacenterId: string,
): Promise<Map<string, string>> => {
  const rows = await db.tenantBinding.findMany({
    where: { datacenterId },
    select: { projectId: true, projectExternalId: true },
  });
  return new Map(rows.map((r) => [r.projectExternalId, r.projectId]));
};

/**
 * Run `fn` in a transaction holding the (datacenter, project) binding lock. Generous timeouts:
 * `fn` may create the tenant in the cloud through the tunnel.
 */
export const withTenantBindingLock = <T>(
  db: Database,
  datacenterId: string,
  projectId: string,
  fn: (tx: DbClient) => Promise<T>,
): Promise<T> =>
  db.$transaction(
    async (tx) => {
      await lockTenantBinding(tx, datacenterId, projectId);
      return fn(tx);
    },
    { maxWait: 10_000, timeout: 120_000 },
  );

export const findBindingByExternalId = (
  db: DbClient,
  datacenterId: string,
  projectExternalId: string,
): Promise<TenantBindingRow | null> =>
  db.tenantBinding.findUnique({
    where: { datacenterId_projectExternalId: { datacenterId, projectExternalId } },
  });
