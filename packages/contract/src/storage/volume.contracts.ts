import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import {
  createVolumeInput,
  volumeActionInput,
  volumeDetailSchema,
  volumeSchema,
} from './volume.schema';

const shared = { tag: 'storage', auth: 'user' } as const;

export const listVolumes = defineContract({
  ...shared,
  id: 'volume.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/volumes',
  summary:
    "The project's volumes from the mirror (status, search, sort, pages); ?format=csv exports all matches",
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(volumeSchema),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const createVolume = defineContract({
  ...shared,
  id: 'volume.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/volumes',
  summary:
    'Create a volume (empty, from an image the project can use, or from a snapshot of this project) ' +
    'after the volumes / volume_gb quota check; answers 202 with the task',
  params: projectParams,
  body: createVolumeInput,
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

export const getVolume = defineContract({
  ...shared,
  id: 'volume.get',
  method: 'GET',
  path: '/api/v1/volumes/:id',
  summary: 'One volume from the mirror with its recent tasks',
  params: idParams,
  status: 200,
  response: volumeDetailSchema,
  errors: ['NOT_FOUND'],
});

export const actOnVolume = defineContract({
  ...shared,
  id: 'volume.act',
  method: 'POST',
  path: '/api/v1/volumes/:id/actions',
  summary:
    'extend (newSizeGb, volume_gb quota), attach / detach (a server of the SAME project and datacenter); ' +
    '409 when the state does not allow it, the server is in another project, or a task runs on it',
  params: idParams,
  body: volumeActionInput,
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

export const deleteVolume = defineContract({
  ...shared,
  id: 'volume.delete',
  method: 'DELETE',
  path: '/api/v1/volumes/:id',
  summary: 'Delete a volume (a task); 409 while it is attached, has snapshots or a task runs on it',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'PRECONDITION_FAILED', 'UPSTREAM_UNAVAILABLE'],
});

export const volumeContracts = [listVolumes, createVolume, getVolume, actOnVolume, deleteVolume];
