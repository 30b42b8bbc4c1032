import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import {
  backupSchema,
  createBackupResult,
  getBackupResult,
  restoreBackupResult,
  type Backup,
} from './results';
import { backupRestoreUrl, backupsDetailUrl, backupsUrl, backupUrl } from './urls';

/** 3.18 shows `os-backup-project-attr:project_id`, which ownership checks rely on. */
export const backupsMicroversion = '3.18';

export const listBackups = (volume: ServiceClient, call: Call): Promise<Backup[]> =>
  listAll(volume, call, {
    path: backupsDetailUrl(),
    key: 'backups',
    item: backupSchema,
    microversion: backupsMicroversion,
    pageSize: 500,
  });

export const getBackup = async (volume: ServiceClient, call: Call, id: string): Promise<Backup> =>
  (
    await volume.requestJson(
      call,
      { method: 'GET', path: backupUrl(id), expected: [200], microversion: backupsMicroversion },
      getBackupResult,
    )
  ).backup;

export type CreateBackupOpts = {
  volume_id: string;
  name: string;
  description?: string;
  incremental?: boolean;
  force?: boolean;
};

/** Cinder answers with the id only; read the backup for the rest. */
export const createBackup = async (
  volume: ServiceClient,
  call: Call,
  opts: CreateBackupOpts,
): Promise<{ id: string }> =>
  (
    await volume.requestJson(
      call,
      {
        method: 'POST',
        path: backupsUrl(),
        body: { backup: opts },
        expected: [202],
        microversion: backupsMicroversion,
      },
      createBackupResult,
    )
  ).backup;

/** Into `volume_id` when given, else into a new volume Cinder makes (named `name`). */
export const restoreBackup = async (
  volume: ServiceClient,
  call: Call,
  id: string,
  opts: { volume_id?: string; name?: string },
): Promise<{ volumeId: string }> => {
  const result = await volume.requestJson(
    call,
    {
      method: 'POST',
      path: backupRestoreUrl(id),
      body: { restore: opts },
      expected: [202],
      microversion: backupsMicroversion,
    },
    restoreBackupResult,
  );
  return { volumeId: result.restore.volume_id };
};

export const deleteBackup = async (volume: ServiceClient, call: Call, id: string) => {
  await volume.request(call, {
    method: 'DELETE',
    path: backupUrl(id),
    expected: [202],
    microversion: backupsMicroversion,
  });
};
