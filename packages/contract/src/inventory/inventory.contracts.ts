import { defineContract } from '../define-contract';
import { idParams } from '../common';
import {
  credentialsVerificationSchema,
  datacenterCredentialsInput,
  datacenterCredentialsSchema,
  requestSyncInput,
  requestSyncResponse,
  syncStateSchema,
} from './inventory.schema';

export const getDatacenterCredentials = defineContract({
  id: 'datacenter.get-credentials',
  method: 'GET',
  path: '/api/v1/datacenters/:id/credentials',
  tag: 'datacenters',
  auth: 'user',
  summary: "The datacenter's cloud service account (without the password)",
  params: idParams,
  status: 200,
  response: datacenterCredentialsSchema,
  errors: ['NOT_FOUND', 'FORBIDDEN'],
});

export const putDatacenterCredentials = defineContract({
  id: 'datacenter.put-credentials',
  method: 'PUT',
  path: '/api/v1/datacenters/:id/credentials',
  tag: 'datacenters',
  auth: 'user',
  summary:
    'Set the cloud service account; tried through the tunnel first (rejected: 400; datacenter offline: saved unverified)',
  params: idParams,
  body: datacenterCredentialsInput,
  status: 200,
  response: datacenterCredentialsSchema.extend({ verification: credentialsVerificationSchema }),
  errors: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED'],
});

export const getSyncState = defineContract({
  id: 'datacenter.get-sync',
  method: 'GET',
  path: '/api/v1/datacenters/:id/sync',
  tag: 'datacenters',
  auth: 'user',
  summary: 'Inventory sync health: state, last success, duration, counts, drift, last error',
  params: idParams,
  status: 200,
  response: syncStateSchema,
  errors: ['NOT_FOUND', 'FORBIDDEN'],
});

export const requestSync = defineContract({
  id: 'datacenter.request-sync',
  method: 'POST',
  path: '/api/v1/datacenters/:id/sync',
  tag: 'datacenters',
  auth: 'user',
  summary:
    'Resync now: answers 202 at once with the queued run, or with the one already running or queued',
  params: idParams,
  body: requestSyncInput,
  status: 202,
  response: requestSyncResponse,
  errors: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED'],
});

export const inventoryContracts = [
  getDatacenterCredentials,
  putDatacenterCredentials,
  getSyncState,
  requestSync,
] as const;
