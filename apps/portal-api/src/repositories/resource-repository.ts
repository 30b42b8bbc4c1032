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

/** The cloud's own time of an object, from the `createdAt`/`updatedAt` its spec carries. */
const cloudTimeOf = (spec: Prisma.InputJsonValue, key: 'createdAt' | 'updatedAt') => {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return null;
  const value = (spec as Record<string, unknown>)[key];
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

/**
 * Insert or refresh many objects, 500 rows per statement (call it inside a transaction for
 * all-or-nothing). A refreshed row gets the observed name/status/spec/project, lastSeenAt =
 * seenAt, and is un-deleted; firstSeenAt stays. The same statement appends one lifecycle event
 * per row that is new (or back from deleted), resized, changed state or otherwise changed
 * (ADR 0112), with the cloud's createdAt/updatedAt when the spec carries one.
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
        cloud_created_at: cloudTimeOf(i.spec, 'createdAt'),
        cloud_updated_at: cloudTimeOf(i.spec, 'updatedAt'),
      })),
    );
    await db.$executeRaw`
      WITH x AS (
        SELECT * FROM jsonb_to_recordset(${records}::jsonb) AS x(external_id text,
          project_id text, project_external_id text, name text, status text, spec jsonb,
          cloud_created_at timestamp(3), cloud_updated_at timestamp(3))
      ), before AS (
        SELECT r."external_id", r."name", r."status", r."spec", r."project_id", r."deleted_at"
        FROM "resource" r
        WHERE r."datacenter_id" = ${datacenterId} AND r."type" = ${type}
          AND r."external_id" IN (SELECT external_id FROM x)
      ), up AS (
        INSERT INTO "resource" ("id", "datacenter_id", "type", "external_id", "project_id",
          "project_external_id", "name", "status", "spec", "first_seen_at", "last_seen_at",
          "deleted_at", "updated_at")
        SELECT gen_random_uuid()::text, ${datacenterId}, ${type}, x.external_id, x.project_id,
          x.project_external_id, x.name, x.status, x.spec, ${seenAt}, ${seenAt}, NULL, ${seenAt}
        FROM x
        ON CONFLICT ("datacenter_id", "type", "external_id") DO UPDATE SET
          "project_id" = EXCLUDED."project_id",
          "project_external_id" = EXCLUDED."project_external_id",
          "name" = EXCLUDED."name",
          "status" = EXCLUDED."status",
          "spec" = EXCLUDED."spec",
          "last_seen_at" = GREATEST("resource"."last_seen_at", EXCLUDED."last_seen_at"),
          "deleted_at" = NULL,
          "updated_at" = EXCLUDED."updated_at"
        RETURNING "id", "external_id", "project_id", "name", "status", "spec"
      ), ev AS (
        SELECT up.*, (b.external_id IS NULL OR b.deleted_at IS NOT NULL) AS created,
          b.status AS previous_status, b.name AS previous_name, b.spec AS previous_spec,
          b.project_id AS previous_project_id, x.cloud_created_at, x.cloud_updated_at
        FROM up JOIN x ON x.external_id = up.external_id
        LEFT JOIN before b ON b.external_id = up.external_id
      )
      INSERT INTO "lifecycle_event" ("at", "type", "department_id", "project_id",
        "datacenter_id", "resource_type", "resource_id", "external_id", "cloud_at", "payload")
      SELECT ${seenAt}, k.type, p."department_id", ev.project_id, ${datacenterId}, ${type},
        ev.id, ev.external_id,
        CASE WHEN ev.created THEN COALESCE(ev.cloud_created_at, ev.cloud_updated_at)
          ELSE ev.cloud_updated_at END,
        jsonb_build_object('name', ev.name, 'status', ev.status,
          'previousStatus', ev.previous_status, 'spec', ev.spec)
      FROM ev
      LEFT JOIN "project" p ON p."id" = ev.project_id
      CROSS JOIN LATERAL (SELECT CASE
        WHEN ev.created THEN 'resource.created'
        WHEN (ev.spec->'flavor'->>'id') IS DISTINCT FROM (ev.previous_spec->'flavor'->>'id')
          OR (ev.spec->>'sizeGb') IS DISTINCT FROM (ev.previous_spec->>'sizeGb')
          THEN 'resource.resized'
        WHEN ev.status IS DISTINCT FROM ev.previous_status THEN 'resource.state-changed'
        ELSE 'resource.updated' END AS type) k
      WHERE ev.created OR ev.status IS DISTINCT FROM ev.previous_status
        OR ev.name IS DISTINCT FROM ev.previous_name
        OR ev.spec IS DISTINCT FROM ev.previous_spec
        OR ev.project_id IS DISTINCT FROM ev.previous_project_id`;
  }
};

/**
 * These objects are gone from the cloud. With `unseenSince`, rows observed at or after that time
 * (e.g. by a task while a full sync was listing) are left alone. Each row marked appends a
 * `resource.deleted` event in the same statement.
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
  // Far in the future when there is no bound: every live row qualifies.
  const seenBefore = unseenSince ?? new Date('9999-12-31T00:00:00.000Z');
  for (const chunk of chunks(externalIds)) {
    const rows = await db.$queryRaw<{ n: number }[]>`
      WITH before AS (
        SELECT r."id", r."status" FROM "resource" r
        WHERE r."datacenter_id" = ${datacenterId} AND r."type" = ${type}
          AND r."external_id" = ANY(${[...chunk]}::text[]) AND r."deleted_at" IS NULL
          AND r."last_seen_at" < ${seenBefore}
      ), d AS (
        UPDATE "resource" r SET "deleted_at" = ${at}, "status" = 'deleted', "updated_at" = ${at}
        FROM before b WHERE r."id" = b."id"
        RETURNING r."id", r."external_id", r."project_id", r."name", r."spec", b."status" AS previous
      ), ev AS (
        INSERT INTO "lifecycle_event" ("at", "type", "department_id", "project_id",
          "datacenter_id", "resource_type", "resource_id", "external_id", "payload")
        SELECT ${at}, 'resource.deleted', p."department_id", d.project_id, ${datacenterId},
          ${type}, d.id, d.external_id,
          jsonb_build_object('name', d.name, 'status', 'deleted', 'previousStatus', d.previous,
            'spec', d.spec)
        FROM d LEFT JOIN "project" p ON p."id" = d.project_id
        RETURNING 1
      )
      SELECT COUNT(*)::int AS n FROM ev`;
    count += rows[0]?.n ?? 0;
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
