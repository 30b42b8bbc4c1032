import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import {
  createVolumeBackupInput,
  volumeBackupActionInput,
  volumeBackupDetailSchema,
  volumeBackupSchema,
} from './volume-backup.schema';

const shared = { tag: 'storage', auth: 'user' } as const;
const mutationErrors = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'QUOTA_EXCEEDED',
  'PRECONDITION_FAILED',
  'UPSTREAM_UNAVAILABLE',
] as const;

export const listVolumeBackups = defineContract({
  ...shared,
  id: 'volume-backup.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/volume-backups',
  summary: "The project's volume backups from the mirror; ?format=csv exports all matches",
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(volumeBackupSchema),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const createVolumeBackup = defineContract({
  ...shared,
  id: 'volume-backup.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/volume-backups',
  summary:
    'Back up a volume of this project (incremental, force for in-use) after the backups quota check; ' +
    '409 datacenter_unsupported_action when the datacenter runs no backup service; 202 with the task',
  params: projectParams,
  body: createVolumeBackupInput,
  status: 202,
  response: taskAccepted,
  errors: mutationErrors,
});

export const getVolumeBackup = defineContract({
  ...shared,
  id: 'volume-backup.get',
  method: 'GET',
  path: '/api/v1/volume-backups/:id',
  summary: 'One volume backup from the mirror with its recent tasks',
  params: idParams,
  status: 200,
  response: volumeBackupDetailSchema,
  errors: ['NOT_FOUND'],
});

export const actOnVolumeBackup = defineContract({
  ...shared,
  id: 'volume-backup.act',
  method: 'POST',
  path: '/api/v1/volume-backups/:id/actions',
  summary:
    "restore: into one of the project's volumes (available, large enough) or into a new volume " +
    '(volumes / volume_gb quota); 202 with the task',
  params: idParams,
  body: volumeBackupActionInput,
  status: 202,
  response: taskAccepted,
  errors: mutationErrors,
});

export const deleteVolumeBackup = defineContract({
  ...shared,
  id: 'volume-backup.delete',
  method: 'DELETE',
  path: '/api/v1/volume-backups/:id',
  summary: 'Delete a volume backup (a task); 409 while a task runs on it',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'PRECONDITION_FAILED', 'UPSTREAM_UNAVAILABLE'],
});

export const volumeBackupContracts = [
  listVolumeBackups,
  createVolumeBackup,
  getVolumeBackup,
  actOnVolumeBackup,
  deleteVolumeBackup,
];
