import type { Reach } from '@yunguan/domain';
import type { DbClient } from './db-client';
import { pageArgs } from './db-client';

export type DeliveryRow = {
  id: string;
  eventType: string;
  severity: string;
  departmentId: string | null;
  projectId: string | null;
  channelId: string | null;
  channelName: string;
  channelKind: string;
  recipient: string;
  recipientLabel: string;
  locale: string;
  subject: string;
  body: string;
  params: unknown;
  status: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  dedupeKey: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
export type AttemptRow = {
  number: number;
  startedAt: Date;
  finishedAt: Date | null;
  ok: boolean | null;
  error: string | null;
};

export type DeliveryInsert = Omit<
  DeliveryRow,
  'status' | 'attempts' | 'lastError' | 'sentAt' | 'createdAt' | 'updatedAt' | 'params'
> & { params: Record<string, string> };

/**
 * Insert deliveries; one whose (dedupe key, channel, recipient) exists already is skipped.
 * Answers the ids actually inserted.
 */
export const insertDeliveries = async (
  db: DbClient,
  rows: readonly DeliveryInsert[],
): Promise<string[]> => {
  if (rows.length === 0) return [];
  await db.notification.createMany({ data: [...rows], skipDuplicates: true });
  const present = await db.notification.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: { id: true },
  });
  return present.map((p) => p.id);
};

/** Platform-wide readers see everything; others the rows of their departments and projects. */
const reachFilter = (reach: Reach) =>
  reach.all
    ? {}
    : {
        OR: [
          { projectId: { in: reach.projectIds } },
          { departmentId: { in: reach.departmentIds } },
        ],
      };

export const listDeliveryRows = async (
  db: DbClient,
  args: {
    reach: Reach;
    status?: string | undefined;
    channelId?: string | undefined;
    projectId?: string | undefined;
    eventType?: string | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: DeliveryRow[]; total: number }> => {
  const where = {
    AND: [
      reachFilter(args.reach),
      args.status ? { status: args.status } : {},
      args.channelId ? { channelId: args.channelId } : {},
      args.projectId ? { projectId: args.projectId } : {},
      args.eventType ? { eventType: args.eventType } : {},
      args.q
        ? {
            OR: [
              { subject: { contains: args.q, mode: 'insensitive' as const } },
              { recipient: { contains: args.q, mode: 'insensitive' as const } },
            ],
          }
        : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageArgs(args.page, args.pageSize),
    }),
    db.notification.count({ where }),
  ]);
  return { rows, total };
};

export const findDeliveryRow = (db: DbClient, id: string): Promise<DeliveryRow | null> =>
  db.notification.findUnique({ where: { id } });

export const listAttemptRows = (db: DbClient, notificationId: string): Promise<AttemptRow[]> =>
  db.notificationAttempt.findMany({
    where: { notificationId },
    orderBy: { number: 'asc' },
    select: { number: true, startedAt: true, finishedAt: true, ok: true, error: true },
  });

/** Start attempt `number` (status sending); answers false when another worker took it. */
export const startAttempt = async (
  db: DbClient,
  id: string,
  number: number,
  at: Date,
): Promise<boolean> => {
  const claimed = await db.notification.updateMany({
    where: { id, attempts: number - 1, status: { in: ['queued', 'failed', 'sending'] } },
    data: { status: 'sending', attempts: number },
  });
  if (claimed.count === 0) return false;
  await db.notificationAttempt.upsert({
    where: { notificationId_number: { notificationId: id, number } },
    create: { notificationId: id, number, startedAt: at },
    update: { startedAt: at, finishedAt: null, ok: null, error: null },
  });
  return true;
};

export const finishAttempt = async (
  db: DbClient,
  id: string,
  number: number,
  outcome:
    { ok: true; at: Date } | { ok: false; at: Date; error: string; status: 'failed' | 'dead' },
): Promise<void> => {
  await db.notificationAttempt.updateMany({
    where: { notificationId: id, number },
    data: { finishedAt: outcome.at, ok: outcome.ok, error: outcome.ok ? null : outcome.error },
  });
  await db.notification.update({
    where: { id },
    data: outcome.ok
      ? { status: 'sent', sentAt: outcome.at, lastError: null }
      : { status: outcome.status, lastError: outcome.error },
  });
};

/** Dead without a send (channel deleted or disabled since the delivery was queued). */
export const markDeliveryDead = async (db: DbClient, id: string, error: string): Promise<void> => {
  await db.notification.update({ where: { id }, data: { status: 'dead', lastError: error } });
};
