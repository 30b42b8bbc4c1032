import { randomUUID } from 'node:crypto';
import type { CloudDeps } from '../../cloud/cloud-deps';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { findCloudAccessRow } from '../../repositories/datacenter-credential-repository';
import {
  inResourceTransaction,
  listResourceSnapshots,
  markResourcesDeleted,
  touchResources,
  upsertResources,
} from '../../repositories/resource-repository';
import {
  claimSyncLease,
  findSyncState,
  finishSyncRun,
} from '../../repositories/sync-state-repository';
import { mapProjectsByExternalId } from '../../repositories/tenant-binding-repository';
import { diffServers, type SyncCounts } from './diff-servers';
import { SERVER_TYPE, toServerUpsert } from './server-observation';
import { SyncTimeoutError, describeSyncFailure } from './sync-failure';
import { syncProjectResources } from './sync-project-resources';

export type SyncMode = 'full' | 'changes';

export type SyncSettings = {
  /** Hard deadline of one run: cloud calls are aborted and the run ends failed. */
  timeoutMs: number;
  /** changes-since starts this long before the last success's cursor (clock skew, slow commits). */
  changesMarginMs: number;
};

export const defaultSyncSettings: SyncSettings = { timeoutMs: 5 * 60_000, changesMarginMs: 60_000 };

export type SyncResult =
  | { outcome: 'skipped'; reason: 'running'; runId: string | null }
  | { outcome: 'succeeded'; runId: string; mode: SyncMode; counts: SyncCounts; drift: number }
  | { outcome: 'failed'; runId: string; mode: SyncMode; error: string };

/** Reject when the signal fires, so nothing awaited here can outlive the run's deadline. */
const untilAborted = <T>(signal: AbortSignal, work: Promise<T>, timeoutMs: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const abort = () => reject(new SyncTimeoutError(timeoutMs));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });

const syncOnce = async (
  deps: CloudDeps,
  datacenterId: string,
  mode: SyncMode,
  cursor: Date | null,
  settings: SyncSettings,
  signal: AbortSignal,
  startedAt: Date,
) => {
  const { provider } = await providerForDatacenter(deps, datacenterId);
  const changesSince =
    mode === 'changes' && cursor ? new Date(cursor.getTime() - settings.changesMarginMs) : null;
  const effective: SyncMode = changesSince ? 'changes' : 'full';
  // The mirror is read while the cloud is listed. A row a task writes meanwhile has lastSeenAt
  // after startedAt, and markResourcesDeleted(unseenSince) never deletes such a row.
  const [before, servers] = await Promise.all([
    listResourceSnapshots(deps.db, datacenterId, SERVER_TYPE),
    provider.listAllServers(changesSince ? { changesSince } : {}, {
      signal,
      timeoutMs: settings.timeoutMs,
    }),
  ]);
  const projects = await mapProjectsByExternalId(deps.db, datacenterId);
  const diff = diffServers(
    effective,
    before,
    servers.map((s) => toServerUpsert(s, projects)),
  );
  if (signal.aborted) throw new SyncTimeoutError(settings.timeoutMs);
  await inResourceTransaction(
    deps.db,
    async (tx) => {
      await upsertResources(tx, datacenterId, SERVER_TYPE, diff.writes, startedAt);
      await touchResources(tx, datacenterId, SERVER_TYPE, diff.unchanged, startedAt);
      diff.counts.deleted = await markResourcesDeleted(
        tx,
        datacenterId,
        SERVER_TYPE,
        diff.gone,
        startedAt,
        startedAt,
      );
    },
    settings.timeoutMs,
  );
  const counts = { ...diff.counts };
  if (effective === 'full') {
    // Storage and network objects: listed per bound project (no changes-since there).
    const more = await syncProjectResources(deps.db, provider, datacenterId, projects, {
      signal,
      timeoutMs: settings.timeoutMs,
      startedAt,
    });
    counts.seen += more.seen;
    counts.created += more.created;
    counts.updated += more.updated;
    counts.deleted += more.deleted;
  }
  return { mode: effective, counts, drift: counts.updated + counts.deleted };
};

/**
 * One inventory sync of a datacenter's servers. Takes the datacenter's sync lease first (a run
 * already holding it → skipped), never outlives `settings.timeoutMs`, and always leaves the sync
 * state idle (with counts, drift and the new cursor) or failed (with a readable lastError).
 * `changes` without a previous success runs as `full`.
 */
export const runInventorySync = async (
  deps: CloudDeps & { now?: () => Date },
  datacenterId: string,
  mode: SyncMode,
  options: { runId?: string; settings?: Partial<SyncSettings> } = {},
): Promise<SyncResult> => {
  const settings = { ...defaultSyncSettings, ...options.settings };
  const now = () => deps.now?.() ?? new Date();
  const runId = options.runId ?? randomUUID();
  const startedAt = now();
  const claimed = await claimSyncLease(deps.db, {
    datacenterId,
    runId,
    mode,
    now: startedAt,
    leaseUntil: new Date(startedAt.getTime() + settings.timeoutMs + 30_000),
  });
  if (!claimed) {
    const state = await findSyncState(deps.db, datacenterId);
    return { outcome: 'skipped', reason: 'running', runId: state?.runId ?? null };
  }
  const signal = AbortSignal.timeout(settings.timeoutMs);
  const finish = (outcome: Parameters<typeof finishSyncRun>[1]['outcome']) =>
    finishSyncRun(deps.db, {
      datacenterId,
      runId,
      now: now(),
      durationMs: now().getTime() - startedAt.getTime(),
      outcome,
    });
  try {
    const state = await findSyncState(deps.db, datacenterId);
    const result = await untilAborted(
      signal,
      syncOnce(deps, datacenterId, mode, state?.cursor ?? null, settings, signal, startedAt),
      settings.timeoutMs,
    );
    await finish({
      ok: true,
      mode: result.mode,
      counts: result.counts,
      ...(result.mode === 'full' ? { driftCorrected: result.drift } : {}),
      cursor: startedAt,
    });
    return { outcome: 'succeeded', runId, ...result };
  } catch (error) {
    const row = await findCloudAccessRow(deps.db, datacenterId);
    const failure = describeSyncFailure(error, row?.name ?? datacenterId, runId);
    await finish({ ok: false, ...failure });
    return { outcome: 'failed', runId, mode, error: failure.error };
  }
};
