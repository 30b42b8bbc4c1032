import * as c from '@yunguan/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServiceContext } from '../../services/context';
import { actOnVolume } from '../../services/storage/act-on-volume';
import { createVolume } from '../../services/storage/create-volume';
import { createVolumeBackup } from '../../services/storage/create-volume-backup';
import { createVolumeSnapshot } from '../../services/storage/create-volume-snapshot';
import { createVolumeType } from '../../services/storage/create-volume-type';
import { deleteVolume } from '../../services/storage/delete-volume';
import { deleteVolumeCopy } from '../../services/storage/delete-volume-copy';
import { deleteVolumeType } from '../../services/storage/delete-volume-type';
import {
  getVolume,
  getVolumeBackup,
  getVolumeSnapshot,
} from '../../services/storage/get-storage-item';
import {
  listVolumeBackups,
  listVolumeSnapshots,
  listVolumes,
} from '../../services/storage/list-storage';
import { listStoragePools } from '../../services/storage/list-storage-pools';
import { listVolumeTypes } from '../../services/storage/list-volume-types';
import { restoreVolumeBackup } from '../../services/storage/restore-volume-backup';
import { storageCsvColumns } from '../../services/storage/storage-csv-columns';
import type { StorageKind } from '../../services/storage/storage-items';
import { updateVolumeType } from '../../services/storage/update-volume-type';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';
import { accepted, headerKey, sendResourceCsv, withKey, withTasks } from './route-kit';

const sendCsv = (
  ctx: ServiceContext,
  reply: FastifyReply,
  projectId: string,
  kind: StorageKind,
  query: c.ResourceListQuery,
) => sendResourceCsv(ctx, reply, projectId, kind, query, storageCsvColumns[kind]);

/** The storage API (M1.5): volumes, snapshots, backups; volume types and pools (admin). */
export const registerStorageRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.listVolumes, async ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'volume', query)
      : listVolumes(ctx, params.projectId, query),
  );
  registerContract(app, deps, c.createVolume, async ({ ctx, params, body, request }) =>
    accepted(request, await createVolume(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getVolume, async ({ ctx, params, request }) =>
    withTasks(request, await getVolume(ctx, params.id)),
  );
  registerContract(app, deps, c.actOnVolume, async ({ ctx, params, body, request }) =>
    accepted(request, await actOnVolume(ctx, params.id, withKey(body, request))),
  );
  registerContract(app, deps, c.deleteVolume, async ({ ctx, params, request }) =>
    accepted(request, await deleteVolume(ctx, params.id, headerKey(request))),
  );

  registerContract(app, deps, c.listVolumeSnapshots, async ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'volume-snapshot', query)
      : listVolumeSnapshots(ctx, params.projectId, query),
  );
  registerContract(app, deps, c.createVolumeSnapshot, async ({ ctx, params, body, request }) =>
    accepted(request, await createVolumeSnapshot(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getVolumeSnapshot, async ({ ctx, params, request }) =>
    withTasks(request, await getVolumeSnapshot(ctx, params.id)),
  );
  registerContract(app, deps, c.deleteVolumeSnapshot, async ({ ctx, params, request }) =>
    accepted(
      request,
      await deleteVolumeCopy(ctx, 'volume-snapshot', params.id, headerKey(request)),
    ),
  );

  registerContract(app, deps, c.listVolumeBackups, async ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'volume-backup', query)
      : listVolumeBackups(ctx, params.projectId, query),
  );
  registerContract(app, deps, c.createVolumeBackup, async ({ ctx, params, body, request }) =>
    accepted(request, await createVolumeBackup(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getVolumeBackup, async ({ ctx, params, request }) =>
    withTasks(request, await getVolumeBackup(ctx, params.id)),
  );
  registerContract(app, deps, c.actOnVolumeBackup, async ({ ctx, params, body, request }) =>
    accepted(request, await restoreVolumeBackup(ctx, params.id, withKey(body, request))),
  );
  registerContract(app, deps, c.deleteVolumeBackup, async ({ ctx, params, request }) =>
    accepted(request, await deleteVolumeCopy(ctx, 'volume-backup', params.id, headerKey(request))),
  );

  registerContract(app, deps, c.listVolumeTypes, async ({ ctx, params }) =>
    listVolumeTypes(ctx, params.id),
  );
  registerContract(app, deps, c.createVolumeType, async ({ ctx, params, body }) =>
    createVolumeType(ctx, params.id, body),
  );
  registerContract(app, deps, c.updateVolumeType, async ({ ctx, params, body }) =>
    updateVolumeType(ctx, params.id, params.typeId, body),
  );
  registerContract(app, deps, c.deleteVolumeType, async ({ ctx, params }) => {
    await deleteVolumeType(ctx, params.id, params.typeId);
    return null;
  });
  registerContract(app, deps, c.listStoragePools, async ({ ctx, params }) =>
    listStoragePools(ctx, params.id),
  );
};
