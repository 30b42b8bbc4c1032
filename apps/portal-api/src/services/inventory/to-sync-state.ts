import type { SyncState } from '@yunguan/contract';
import type { SyncStateRow } from '../../repositories/sync-state-repository';

const countOf = (counts: unknown, key: string): number => {
  const value = (counts as Record<string, unknown> | null)?.[key];
  return typeof value === 'number' ? value : 0;
};

/** A datacenter never synced is idle with nothing counted. */
export const toSyncState = (datacenterId: string, row: SyncStateRow | null): SyncState => ({
  datacenterId,
  state: (row?.state ?? 'idle') as SyncState['state'],
  mode: (row?.mode ?? null) as SyncState['mode'],
  runId: row?.runId ?? null,
  lastStartedAt: row?.lastStartedAt?.toISOString() ?? null,
  lastFinishedAt: row?.lastFinishedAt?.toISOString() ?? null,
  lastSuccessAt: row?.lastSuccessAt?.toISOString() ?? null,
  lastFullSuccessAt: row?.lastFullSuccessAt?.toISOString() ?? null,
  lastDurationMs: row?.lastDurationMs ?? null,
  counts: {
    seen: countOf(row?.counts, 'seen'),
    created: countOf(row?.counts, 'created'),
    updated: countOf(row?.counts, 'updated'),
    deleted: countOf(row?.counts, 'deleted'),
  },
  driftCorrected: row?.driftCorrected ?? 0,
  lastError: row?.lastError ?? null,
  lastErrorReason: row?.lastErrorReason ?? null,
});
