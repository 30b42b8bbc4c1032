import { randomUUID } from 'node:crypto';
import type { CloudDeps } from '../../cloud/cloud-deps';
import { listDatacenterIdsWithCredentials } from '../../repositories/datacenter-credential-repository';
import { findSyncState } from '../../repositories/sync-state-repository';
import { enqueueSync } from './inventory-queue';

/** A full sync at least this often; incremental (changes-since) runs in between. */
export const FULL_SYNC_EVERY_MS = 10 * 60_000;

/**
 * The scheduler's fan-out (every 60 s): one sync job per datacenter with credentials — full when
 * the last full success is older than FULL_SYNC_EVERY_MS, else changes-since. A datacenter whose
 * sync is still queued or running gets no second one (one job id per datacenter).
 */
export const scheduleInventorySyncs = async (
  deps: CloudDeps & { now: () => Date },
): Promise<{ queued: number; skipped: number }> => {
  let queued = 0;
  let skipped = 0;
  for (const datacenterId of await listDatacenterIdsWithCredentials(deps.db)) {
    const state = await findSyncState(deps.db, datacenterId);
    const lastFull = state?.lastFullSuccessAt?.getTime() ?? 0;
    const mode = deps.now().getTime() - lastFull >= FULL_SYNC_EVERY_MS ? 'full' : 'changes';
    const result = await enqueueSync(deps.config, { datacenterId, mode, runId: randomUUID() });
    if (result.queued) queued++;
    else skipped++;
  }
  return { queued, skipped };
};
