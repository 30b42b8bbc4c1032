import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getSnapshotResult, snapshotSchema, type Snapshot } from './results';
import { snapshotsDetailUrl, snapshotsUrl, snapshotUrl } from './urls';

/**
 * 3.0: `force` still means "snapshot an in-use volume" (from 3.66 it is implied and `false`
 * is refused), so the caller's choice reaches the cloud as given.
 */
export const snapshotsMicroversion = '3.0';

export const listSnapshots = (volume: ServiceClient, call: Call): Promise<Snapshot[]> =>
  listAll(volume, call, {
    path: snapshotsDetailUrl(),
    key: 'snapshots',
    item: snapshotSchema,
    microversion: snapshotsMicroversion,
    pageSize: 500,
  });

export const getSnapshot = async (
  volume: ServiceClient,
  call: Call,
  id: string,
): Promise<Snapshot> =>
  (
    await volume.requestJson(
      call,
      {
        method: 'GET',
        path: snapshotUrl(id),
        expected: [200],
        microversion: snapshotsMicroversion,
      },
      getSnapshotResult,
    )
  ).snapshot;

export type CreateSnapshotOpts = {
  volume_id: string;
  name: string;
  description?: string;
  force?: boolean;
};

export const createSnapshot = async (
  volume: ServiceClient,
  call: Call,
  opts: CreateSnapshotOpts,
): Promise<Snapshot> =>
  (
    await volume.requestJson(
      call,
      {
        method: 'POST',
        path: snapshotsUrl(),
        body: { snapshot: opts },
        expected: [202],
        microversion: snapshotsMicroversion,
      },
      getSnapshotResult,
    )
  ).snapshot;

export const deleteSnapshot = async (volume: ServiceClient, call: Call, id: string) => {
  await volume.request(call, {
    method: 'DELETE',
    path: snapshotUrl(id),
    expected: [202],
    microversion: snapshotsMicroversion,
  });
};
