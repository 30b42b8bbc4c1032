import type { Prisma } from '../generated/prisma/client';
import type { Database, DbClient } from './db-client';
import { pageArgs } from './db-client';
import { atomically, recordTaskEvent } from './lifecycle-event-repository';

export type TaskRow = {
  id: string;
  actorId: string | null;
  actorName: string;
  departmentId: string;
  projectId: string;
  datacenterId: string;
  action: string;
  targetType: string;
  targetExternalId: string | null;
  targetName: string;
  resourceId: string | null;
  input: Prisma.JsonValue;
  secretInputEnc: string | null;
  status: string;
  steps: Prisma.JsonValue;
  errorReason: string | null;
  errorParams: Prisma.JsonValue;
  errorMessage: string | null;
  operation: Prisma.JsonValue;
  jobId: string | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  attempts: number;
  /** What the task holds against its project's quota while unfinished, per quota resource. */
  quotaHeld: Prisma.JsonValue;
  heartbeatAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
};

export type TaskInsert = {
  id: string;
  actorId: string | null;
  actorName: string;
  departmentId: string;
  projectId: string;
  datacenterId: string;
  action: string;
  targetType: string;
  targetExternalId: string | null;
  targetName: string;
  resourceId: string | null;
  input: Prisma.InputJsonValue;
  secretInputEnc: string | null;
  steps: Prisma.InputJsonValue;
  jobId: string;
  idempotencyKey: string | null;
  requestHash: string | null;
  /** queued (the default) or held (awaiting release, M2.2 work orders). */
  status?: 'queued' | 'held';
  /** Per quota resource, e.g. { "instances": 1, "vcpus": 2, "ram_mb": 4096 }. */
  quotaHeld?: Prisma.InputJsonValue;
};

/** Tasks that are not finished: they hold their object (busy) and their quota. */
export const unfinishedTaskStatuses = ['held', 'queued', 'running'] as const;

export type TaskPatch = {
  status?: string;
  steps?: Prisma.InputJsonValue;
  errorReason?: string | null;
  errorParams?: Prisma.InputJsonValue;
  errorMessage?: string | null;
  operation?: Prisma.InputJsonValue;
  targetExternalId?: string;
  resourceId?: string;
  attempts?: number;
  heartbeatAt?: Date;
  startedAt?: Date;
  finishedAt?: Date;
  /** Nulled when the task finishes: user data is kept only while it may still be sent. */
  secretInputEnc?: null;
};

/** Insert a task and its `task.created` event (ADR 0112) in one transaction. */
export const insertTask = (db: DbClient, data: TaskInsert): Promise<TaskRow> =>
  atomically(db, async (tx) => {
    const row = await tx.task.create({ data });
    await recordTaskEvent(tx, 'task.created', row);
    return row;
  });

export const findTaskRow = (db: DbClient, id: string): Promise<TaskRow | null> =>
  db.task.findUnique({ where: { id } });

export const findTaskByIdempotencyKey = (
  db: DbClient,
  actorId: string,
  idempotencyKey: string,
): Promise<TaskRow | null> =>
  db.task.findUnique({ where: { actorId_idempotencyKey: { actorId, idempotencyKey } } });

/**
 * Update only while the task is in one of `from` (a guarded transition) and, with `attempts`,
 * still on that attempt (compare-and-set: a stale attempt writes nothing); null when it is not.
 * Every change but a bare heartbeat appends a `task.updated` event in the same transaction.
 */
export const updateTaskIf = async (
  db: DbClient,
  id: string,
  from: readonly string[],
  patch: TaskPatch,
  attempts?: number,
): Promise<TaskRow | null> => {
  const where = { id, status: { in: [...from] }, ...(attempts === undefined ? {} : { attempts }) };
  const news = Object.keys(patch).some((k) => k !== 'heartbeatAt');
  if (!news) {
    const { count } = await db.task.updateMany({ where, data: patch });
    return count === 0 ? null : db.task.findUnique({ where: { id } });
  }
  return atomically(db, async (tx) => {
    const { count } = await tx.task.updateMany({ where, data: patch });
    if (count === 0) return null;
    const row = await tx.task.findUnique({ where: { id } });
    if (row) await recordTaskEvent(tx, 'task.updated', row);
    return row;
  });
};

export type TaskFilter = {
  /** null = every project (platform reach). */
  projectIds: string[] | null;
  status?: string;
  resourceId?: string;
  action?: string;
  targetType?: string;
  createdFrom?: Date;
  createdTo?: Date;
  q?: string;
};

const whereOf = (f: TaskFilter): Prisma.TaskWhereInput => ({
  ...(f.projectIds ? { projectId: { in: f.projectIds } } : {}),
  ...(f.status ? { status: f.status } : {}),
  ...(f.resourceId ? { resourceId: f.resourceId } : {}),
  ...(f.action ? { action: f.action } : {}),
  ...(f.targetType ? { targetType: f.targetType } : {}),
  ...(f.createdFrom || f.createdTo
    ? {
        createdAt: {
          ...(f.createdFrom ? { gte: f.createdFrom } : {}),
          ...(f.createdTo ? { lt: f.createdTo } : {}),
        },
      }
    : {}),
  ...(f.q ? { targetName: { contains: f.q, mode: 'insensitive' as const } } : {}),
});

export const listTaskRows = async (
  db: DbClient,
  filter: TaskFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: TaskRow[]; total: number }> => {
  const where = whereOf(filter);
  const [rows, total] = await Promise.all([
    db.task.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(page, pageSize),
    }),
    db.task.count({ where }),
  ]);
  return { rows, total };
};

export const listRecentTasksOfTarget = (
  db: DbClient,
  target: { resourceId: string; datacenterId: string; externalId: string },
  take: number,
): Promise<TaskRow[]> =>
  db.task.findMany({
    where: {
      OR: [
        { resourceId: target.resourceId },
        { datacenterId: target.datacenterId, targetExternalId: target.externalId },
      ],
    },
    orderBy: { createdAt: 'desc' },
    take,
  });

/** The unfinished task on one cloud object (at most one: a partial unique index). */
export const findActiveTaskOfTarget = (
  db: DbClient,
  datacenterId: string,
  externalId: string,
  targetType = 'server',
): Promise<TaskRow | null> =>
  db.task.findFirst({
    where: {
      datacenterId,
      targetType,
      targetExternalId: externalId,
      status: { in: [...unfinishedTaskStatuses] },
    },
  });

export const listActiveTasksOfTargets = (
  db: DbClient,
  targets: { datacenterId: string; externalId: string }[],
  targetType = 'server',
): Promise<Pick<TaskRow, 'id' | 'action' | 'status' | 'datacenterId' | 'targetExternalId'>[]> =>
  targets.length === 0
    ? Promise.resolve([])
    : db.task.findMany({
        where: {
          status: { in: [...unfinishedTaskStatuses] },
          targetType,
          OR: targets.map((t) => ({
            datacenterId: t.datacenterId,
            targetExternalId: t.externalId,
          })),
        },
        select: {
          id: true,
          action: true,
          status: true,
          datacenterId: true,
          targetExternalId: true,
        },
      });

/**
 * What unfinished (held, queued, running) tasks of a project hold, per quota resource. A create
 * (or a quick start) whose object is already in the mirror no longer holds: the mirror counts
 * it. A resize to a larger flavor holds the difference until it settles.
 */
export const sumQuotaHeldByUnfinishedTasks = async (
  db: DbClient,
  projectId: string,
): Promise<Record<string, number>> => {
  const rows = await db.$queryRaw<{ resource: string; held: bigint }[]>`
    SELECT h.key AS resource, COALESCE(SUM(h.value::bigint), 0)::bigint AS held
    FROM "task" t, jsonb_each_text(t."quota_held") h
    WHERE t."project_id" = ${projectId} AND t."status" IN ('held', 'queued', 'running')
      AND NOT ((t."action" LIKE '%.create' OR t."action" = 'network.quick-start') AND EXISTS (
        SELECT 1 FROM "resource" r
        WHERE r."datacenter_id" = t."datacenter_id" AND r."type" = t."target_type"
          AND r."external_id" = t."target_external_id" AND r."deleted_at" IS NULL))
    GROUP BY h.key`;
  return Object.fromEntries(rows.map((r) => [r.resource, Number(r.held)]));
};

/** Serialise quota checks of one project (SELECT … FOR UPDATE on its row). */
export const lockProjectForTasks = async (db: DbClient, projectId: string): Promise<void> => {
  await db.$queryRaw`SELECT id FROM project WHERE id = ${projectId} FOR UPDATE`;
};

/** Running tasks with a stale heartbeat and queued tasks older than `queuedBefore`. */
export const listTasksToReconcile = (
  db: DbClient,
  input: { heartbeatBefore: Date; queuedBefore: Date; take: number },
): Promise<TaskRow[]> =>
  db.task.findMany({
    where: {
      OR: [
        {
          status: 'running',
          OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: input.heartbeatBefore } }],
        },
        { status: 'queued', createdAt: { lt: input.queuedBefore } },
      ],
    },
    orderBy: { createdAt: 'asc' },
    take: input.take,
  });

export const listTasksByKeys = (
  db: DbClient,
  actorId: string,
  keys: string[],
): Promise<TaskRow[]> => db.task.findMany({ where: { actorId, idempotencyKey: { in: keys } } });

/**
 * A transaction for quota-checked task writes. Under a burst the pool is busy with every other
 * request's reads, so waiting 2 s for a connection (Prisma's default) is too little: wait up to
 * 30 s; the work inside stays a handful of statements.
 */
export const inTaskTransaction = <T>(db: Database, fn: (tx: DbClient) => Promise<T>): Promise<T> =>
  db.$transaction((tx) => fn(tx), { maxWait: 30_000, timeout: 30_000 });
