import type { ResourceSnapshot, ResourceUpsert } from '../../repositories/resource-repository';
import { sameJson } from './server-observation';

export type SyncCounts = { seen: number; created: number; updated: number; deleted: number };

export type ServerDiff = {
  /** New rows and rows whose name, status, spec or project changed (or came back). */
  writes: ResourceUpsert[];
  /** Seen again exactly as mirrored: only lastSeenAt moves. */
  unchanged: string[];
  /** Live rows to mark deleted. */
  gone: string[];
  counts: SyncCounts;
};

const differs = (row: ResourceSnapshot, next: ResourceUpsert): boolean =>
  row.deletedAt !== null ||
  row.name !== next.name ||
  row.status !== next.status ||
  row.projectId !== next.projectId ||
  !sameJson(row.spec, next.spec);

/**
 * Compare what the cloud reported with the mirror. `full`: the observation is everything, so a
 * live row missing from it is gone. `changes`: only the changed servers; a server reported with
 * status `deleted` is gone. Pure: the sync writes what this returns.
 */
export const diffServers = (
  mode: 'full' | 'changes',
  mirror: readonly ResourceSnapshot[],
  observed: readonly ResourceUpsert[],
): ServerDiff => {
  const byId = new Map(mirror.map((r) => [r.externalId, r]));
  const writes: ResourceUpsert[] = [];
  const unchanged: string[] = [];
  const gone: string[] = [];
  let created = 0;
  const seen = new Set<string>();
  for (const next of observed) {
    seen.add(next.externalId);
    const row = byId.get(next.externalId);
    if (next.status === 'deleted') {
      if (row && row.deletedAt === null) gone.push(next.externalId);
      continue;
    }
    if (!row) {
      created++;
      writes.push(next);
    } else if (differs(row, next)) writes.push(next);
    else unchanged.push(next.externalId);
  }
  if (mode === 'full') {
    for (const row of mirror) {
      if (row.deletedAt === null && !seen.has(row.externalId)) gone.push(row.externalId);
    }
  }
  return {
    writes,
    unchanged,
    gone,
    counts: {
      seen: observed.length,
      created,
      updated: writes.length - created,
      deleted: gone.length,
    },
  };
};
