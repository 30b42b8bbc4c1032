import type { Prisma } from '../generated/prisma/client';
import type { DbClient } from './db-client';
import type { TaskRow } from './task-repository';

/**
 * The event log (ADR 0112): `lifecycle_event`, one row per fact about a task or a cloud object,
 * numbered by `seq`. Rows are written by the repositories in the same transaction as the change
 * (task-repository, resource-repository); readers (SSE, billing, statistics, work orders) read
 * them in seq order with `readEventsAfter`.
 */
export type LifecycleEventType =
  | 'task.created'
  | 'task.updated'
  | 'resource.created'
  | 'resource.state-changed'
  | 'resource.resized'
  | 'resource.updated'
  | 'resource.deleted';

export type LifecycleEventRow = {
  seq: bigint;
  at: Date;
  type: string;
  departmentId: string | null;
  projectId: string | null;
  datacenterId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  externalId: string | null;
  taskId: string | null;
  cloudAt: Date | null;
  payload: Prisma.JsonValue;
};

/** A task as an event carries it: what the API shows, never secretInputEnc or the request hash. */
export type TaskSnapshot = Pick<
  TaskRow,
  | 'id'
  | 'action'
  | 'status'
  | 'actorId'
  | 'actorName'
  | 'departmentId'
  | 'projectId'
  | 'datacenterId'
  | 'targetType'
  | 'targetExternalId'
  | 'resourceId'
  | 'targetName'
  | 'input'
  | 'steps'
  | 'errorReason'
  | 'errorParams'
  | 'errorMessage'
  | 'attempts'
  | 'createdAt'
  | 'startedAt'
  | 'finishedAt'
  | 'heartbeatAt'
  | 'updatedAt'
>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The JSON payload of a task event (dates as ISO strings). */
export const taskEventPayload = (row: TaskRow): Prisma.InputJsonObject => ({
  id: row.id,
  action: row.action,
  status: row.status,
  actorId: row.actorId,
  actorName: row.actorName,
  departmentId: row.departmentId,
  projectId: row.projectId,
  datacenterId: row.datacenterId,
  targetType: row.targetType,
  targetExternalId: row.targetExternalId,
  resourceId: row.resourceId,
  targetName: row.targetName,
  input: row.input ?? {},
  steps: row.steps ?? [],
  errorReason: row.errorReason,
  errorParams: row.errorParams ?? null,
  errorMessage: row.errorMessage,
  attempts: row.attempts,
  createdAt: row.createdAt.toISOString(),
  startedAt: iso(row.startedAt),
  finishedAt: iso(row.finishedAt),
  heartbeatAt: iso(row.heartbeatAt),
  updatedAt: row.updatedAt.toISOString(),
});

/** Append one task fact; call it with the transaction that wrote the task row. */
export const recordTaskEvent = async (
  db: DbClient,
  type: 'task.created' | 'task.updated',
  row: TaskRow,
): Promise<void> => {
  await db.lifecycleEvent.create({
    data: {
      at: row.updatedAt,
      type,
      departmentId: row.departmentId,
      projectId: row.projectId,
      datacenterId: row.datacenterId,
      resourceType: row.targetType,
      resourceId: row.resourceId,
      externalId: row.targetExternalId,
      taskId: row.id,
      payload: taskEventPayload(row),
    },
  });
};

/**
 * Run `fn` atomically: inside the caller's transaction when `db` is one, else in a transaction
 * of its own (so a repository mutation and its event row commit together either way).
 */
export const atomically = <T>(db: DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T> =>
  '$transaction' in db
    ? db.$transaction((tx) => fn(tx), { maxWait: 30_000, timeout: 30_000 })
    : fn(db);

/**
 * Events after `afterSeq` in seq order, at most `limit`, optionally only up to `upTo`
 * (inclusive). The one read path for every consumer of the log.
 */
export const readEventsAfter = (
  db: DbClient,
  afterSeq: bigint,
  options: { limit: number; upTo?: bigint },
): Promise<LifecycleEventRow[]> =>
  db.lifecycleEvent.findMany({
    where: { seq: { gt: afterSeq, ...(options.upTo === undefined ? {} : { lte: options.upTo }) } },
    orderBy: { seq: 'asc' },
    take: options.limit,
  });

/** Rows in these seq ranges (late commits a reader skipped over). */
export const readEventsInRanges = (
  db: DbClient,
  ranges: readonly { from: bigint; to: bigint }[],
): Promise<LifecycleEventRow[]> =>
  ranges.length === 0
    ? Promise.resolve([])
    : db.lifecycleEvent.findMany({
        where: { OR: ranges.map((r) => ({ seq: { gte: r.from, lte: r.to } })) },
        orderBy: { seq: 'asc' },
      });

/** The retained window: the lowest and highest seq in the log (0n, 0n when empty). */
export const eventSeqBounds = async (db: DbClient): Promise<{ first: bigint; last: bigint }> => {
  const agg = await db.lifecycleEvent.aggregate({ _min: { seq: true }, _max: { seq: true } });
  return { first: agg._min.seq ?? 0n, last: agg._max.seq ?? 0n };
};

/** Rows in (afterSeq, upTo]: how far behind a reader is. */
export const countEventsBetween = (db: DbClient, afterSeq: bigint, upTo: bigint): Promise<number> =>
  db.lifecycleEvent.count({ where: { seq: { gt: afterSeq, lte: upTo } } });

/** Drop rows recorded before `before` (retention); returns how many went. */
export const deleteEventsBefore = async (db: DbClient, before: Date): Promise<number> =>
  (await db.lifecycleEvent.deleteMany({ where: { at: { lt: before } } })).count;
