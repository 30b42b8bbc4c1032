import type { OverviewDatacenter } from '@yunguan/contract';
import { listDatacenterRows } from '../../repositories/datacenter-repository';
import type { DbClient } from '../../repositories/db-client';
import { findSyncState } from '../../repositories/sync-state-repository';
import type { TunnelRegistry } from '../../tunnel/tunnel-registry';
import { tunnelStatusOf } from '../datacenters/to-datacenter';

/**
 * Every datacenter with its tunnel and sync state. Names and health only (no agent, keys or
 * ports): members pick datacenters by name when they create resources, so these are no secret.
 */
export const overviewDatacenters = async (
  db: DbClient,
  registry: TunnelRegistry,
): Promise<OverviewDatacenter[]> => {
  const { rows } = await listDatacenterRows(db, { page: 1, pageSize: 100 });
  return Promise.all(
    rows.map(async (row) => {
      const [tunnel, sync] = await Promise.all([
        tunnelStatusOf(registry, row.id),
        findSyncState(db, row.id),
      ]);
      return {
        id: row.id,
        name: row.name,
        region: row.region,
        kind: row.kind,
        tunnel: tunnel.state,
        sync: (sync?.state ?? 'idle') as OverviewDatacenter['sync'],
        lastSyncAt: sync?.lastSuccessAt?.toISOString() ?? null,
        lastSyncError: sync?.lastErrorReason ?? null,
      };
    }),
  );
};
