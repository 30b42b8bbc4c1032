import type { Prisma } from '../generated/prisma/client';
import type { Database, DbClient } from './db-client';

/** One observed cloud object, ready to be written to the mirror. */
export type ResourceUpsert = {
  externalId: string;
  projectId: string | null;
  projectExternalId: string | null;
  name: string;
  status: string;
  spec: Prisma.InputJsonValue;
};

/** What a sync compares against: the mirror's view of one object. */
export type ResourceSnapshot = {
  externalId: string;
  name: string;
  status: string;
  spec: Prisma.JsonValue;
  projectId: string | null;
  deletedAt: Date | null;
};

export type ResourceRow = ResourceSnapshot & {
  id: string;
  datacenterId: string;
  type: string;
  projectExternalId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  updatedAt: Date;
};

const CHUNK = 500;

const chunks = <T>(items: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

export const listResourceSnapshots = (
  db: DbClient,
  datacenterId: string,
  type: string,
  externalIds?: string[],
): Promise<ResourceSnapshot[]> =>
  db.resource.findMany({
    where: { datacenterId, type, ...(externalIds ? { externalId: { in: externalIds } } : {}) },
    select: {
      externalId: true,
      name: true,
      status: true,
      spec: true,
      projectId: true,
      deletedAt: true,
    },
  });

export const findResource = (
  db: DbClient,
  datacenterId: string,
  type: string,
  externalId: string,
): Promise<ResourceRow | null> =>
  db.resource.findUnique({
    where: { datacenterId_type_externalId: { datacenterId, type, externalId } },
  });

/**
 * Insert or refresh many objects, 500 rows per statement (call it inside a transaction for
 * all-or-nothing). A refreshed row gets the observed name/status/spec/project, lastSeenAt =
 * seenAt, and is un-deleted; firstSeenAt stays.
 */
export const upsertResources = async (
  db: DbClient,
  datacenterId: string,
  type: string,
  items: readonly ResourceUpsert[],
  seenAt: Date,
): Promise<void> => {
  for (const chunk of chunks(items)) {
    const records = JSON.stringify(
      chunk.map((i) => ({
        external_id: i.externalId,
        project_id: i.projectId,
        project_external_id: i.projectExternalId,
        name: i.name,
        status: i.status,
        spec: i.spec,
      })),
    );
    await db.$executeRaw`
      INSERT INTO "resource" ("id", "datacenter_id", "type", "external_id", "project_id",
        "project_external_id", "name", "status", "spec", "first_seen_at", "last_seen_at",
        "deleted_at", "updated_at")
      SELECT gen_random_uuid()::text, ${datacenterId}, ${type}, x.external_id, x.project_id,
        x.project_external_id, x.name, x.status, x.spec, ${seenAt}, ${seenAt}, NULL, ${seenAt}
      FROM jsonb_to_recordset(${records}::jsonb) AS x(external_id text, project_id text,
        project_external_id text, name text, status text, spec jsonb)
      ON CONFLICT ("datacenter_id", "type", "external_id") DO UPDATE SET
        "project_id" = EXCLUDED."project_id",
        "project_external_id" = EXCLUDED."project_external_id",
        "name" = EXCLUDED."name",
        "status" = EXCLUDED."status",
        "spec" = EXCLUDED."spec",
        "last_seen_at" = GREATEST("resource"."last_seen_at", EXCLUDED."last_seen_at"),
        "deleted_at" = NULL,
        "updated_at" = EXCLUDED."updated_at"`;
  }
};

/**
 * These objects are gone from the cloud. With `unseenSince`, rows observed at or after that time
 * (e.g. by a task while a full sync was listing) are left alone.
 */
export const markResourcesDeleted = async (
  db: DbClient,
  datacenterId: string,
  type: string,
  externalIds: readonly string[],
  at: Date,
  unseenSince?: Date,
): Promise<number> => {
  let count = 0;
  for (const chunk of chunks(externalIds)) {
    const result = await db.resource.updateMany({
      where: {
        datacenterId,
        type,
        externalId: { in: chunk },
        deletedAt: null,
        ...(unseenSince ? { lastSeenAt: { lt: unseenSince } } : {}),
      },
      data: { deletedAt: at, status: 'deleted' },
    });
    count += result.count;
  }
  return count;
};

/** Objects seen again unchanged: only lastSeenAt moves (one statement per 5,000 ids). */
export const touchResources = async (
  db: DbClient,
  datacenterId: string,
  type: string,
  externalIds: readonly string[],
  seenAt: Date,
): Promise<void> => {
  for (const chunk of chunks(externalIds, 5_000)) {
    await db.$executeRaw`
      UPDATE "resource" SET "last_seen_at" = ${seenAt}
      WHERE "datacenter_id" = ${datacenterId} AND "type" = ${type}
        AND "external_id" = ANY(${chunk}::text[]) AND "last_seen_at" < ${seenAt}`;
  }
};

/** Sync writes can be large (10,000 rows): a transaction with room for them. */
export const inResourceTransaction = <T>(
  db: Database,
  fn: (tx: DbClient) => Promise<T>,
  timeoutMs = 120_000,
): Promise<T> => db.$transaction((tx) => fn(tx), { maxWait: 10_000, timeout: timeoutMs });

export const countLiveResources = (db: DbClient, datacenterId: string, type: string) =>
  db.resource.count({ where: { datacenterId, type, deletedAt: null } });
