import type { Prisma } from '../generated/prisma/client';
import type { DbClient } from './db-client';

export type SyncStateRow = {
  datacenterId: string;
  state: string;
  mode: string | null;
  runId: string | null;
  leaseUntil: Date | null;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastSuccessAt: Date | null;
  lastFullSuccessAt: Date | null;
  lastDurationMs: number | null;
  counts: Prisma.JsonValue;
  lastError: string | null;
  lastErrorReason: string | null;
  driftCorrected: number;
  cursor: Date | null;
  updatedAt: Date;
};

export const findSyncState = (db: DbClient, datacenterId: string): Promise<SyncStateRow | null> =>
  db.datacenterSyncState.findUnique({ where: { datacenterId } });

/**
 * Take the datacenter's sync lease: succeeds (true) when no run holds it or the holder's lease
 * ran out (a crashed worker). One statement, so two workers cannot both win.
 */
export const claimSyncLease = async (
  db: DbClient,
  input: { datacenterId: string; runId: string; mode: string; now: Date; leaseUntil: Date },
): Promise<boolean> => {
  await db.datacenterSyncState.createMany({
    data: [{ datacenterId: input.datacenterId }],
    skipDuplicates: true,
  });
  const claimed = await db.datacenterSyncState.updateMany({
    where: {
      datacenterId: input.datacenterId,
      OR: [{ state: { not: 'running' } }, { leaseUntil: null }, { leaseUntil: { lt: input.now } }],
    },
    data: {
      state: 'running',
      runId: input.runId,
      mode: input.mode,
      leaseUntil: input.leaseUntil,
      lastStartedAt: input.now,
    },
  });
  return claimed.count === 1;
};

export const finishSyncRun = async (
  db: DbClient,
  input: {
    datacenterId: string;
    runId: string;
    now: Date;
    durationMs: number;
    outcome:
      | {
          ok: true;
          mode: 'full' | 'changes';
          counts: Record<string, number>;
          /** Full runs only: an incremental run leaves the last full run's figure. */
          driftCorrected?: number;
          cursor: Date;
        }
      | { ok: false; error: string; reason: string };
  },
): Promise<void> => {
  const { outcome } = input;
  await db.datacenterSyncState.updateMany({
    where: { datacenterId: input.datacenterId, runId: input.runId },
    data: {
      leaseUntil: null,
      lastFinishedAt: input.now,
      lastDurationMs: input.durationMs,
      ...(outcome.ok
        ? {
            state: 'idle',
            mode: outcome.mode,
            lastSuccessAt: input.now,
            ...(outcome.mode === 'full' ? { lastFullSuccessAt: input.now } : {}),
            counts: outcome.counts,
            ...(outcome.driftCorrected === undefined
              ? {}
              : { driftCorrected: outcome.driftCorrected }),
            cursor: outcome.cursor,
            lastError: null,
            lastErrorReason: null,
          }
        : { state: 'failed', lastError: outcome.error, lastErrorReason: outcome.reason }),
    },
  });
};
