import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import {
  createVolumeSnapshotInput,
  volumeSnapshotDetailSchema,
  volumeSnapshotSchema,
} from './volume-snapshot.schema';

const shared = { tag: 'storage', auth: 'user' } as const;

export const listVolumeSnapshots = defineContract({
  ...shared,
  id: 'volume-snapshot.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/volume-snapshots',
  summary: "The project's volume snapshots from the mirror; ?format=csv exports all matches",
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(volumeSnapshotSchema),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const createVolumeSnapshot = defineContract({
  ...shared,
  id: 'volume-snapshot.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/volume-snapshots',
  summary:
    'Snapshot a volume of this project (force for an in-use volume) after the snapshots quota check; 202 with the task',
  params: projectParams,
  body: createVolumeSnapshotInput,
  status: 202,
  response: taskAccepted,
  errors: [
    'VALIDATION',
    'NOT_FOUND',
    'FORBIDDEN',
    'CONFLICT',
    'QUOTA_EXCEEDED',
    'PRECONDITION_FAILED',
    'UPSTREAM_UNAVAILABLE',
  ],
});

export const getVolumeSnapshot = defineContract({
  ...shared,
  id: 'volume-snapshot.get',
  method: 'GET',
  path: '/api/v1/volume-snapshots/:id',
  summary: 'One volume snapshot from the mirror with its recent tasks',
  params: idParams,
  status: 200,
  response: volumeSnapshotDetailSchema,
  errors: ['NOT_FOUND'],
});

export const deleteVolumeSnapshot = defineContract({
  ...shared,
  id: 'volume-snapshot.delete',
  method: 'DELETE',
  path: '/api/v1/volume-snapshots/:id',
  summary: 'Delete a volume snapshot (a task); 409 while a task runs on it',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'PRECONDITION_FAILED', 'UPSTREAM_UNAVAILABLE'],
});

export const volumeSnapshotContracts = [
  listVolumeSnapshots,
  createVolumeSnapshot,
  getVolumeSnapshot,
  deleteVolumeSnapshot,
];
