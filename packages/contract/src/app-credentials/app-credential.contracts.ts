import { z } from 'zod';
import { emptyResponse } from '../common';
import { defineContract } from '../define-contract';
import {
  appCredentialParams,
  appCredentialProjectParams,
  appCredentialQuery,
  appCredentialSchema,
  createAppCredentialInput,
  createdAppCredentialSchema,
} from './app-credential.schema';

const shared = { tag: 'app-credentials', auth: 'user' } as const;
const errors = ['NOT_FOUND', 'FORBIDDEN', 'UPSTREAM_UNAVAILABLE', 'PRECONDITION_FAILED'] as const;

export const createAppCredential = defineContract({
  ...shared,
  id: 'app-credentials.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/app-credentials',
  summary:
    'Create an application credential for your own cloud user in the project; clouds.yaml and openrc are in this answer only',
  params: appCredentialProjectParams,
  body: createAppCredentialInput,
  status: 201,
  response: createdAppCredentialSchema,
  errors: [...errors, 'VALIDATION'],
});

export const listAppCredentials = defineContract({
  ...shared,
  id: 'app-credentials.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/app-credentials',
  summary: 'Your application credentials in the project (never their secrets)',
  params: appCredentialProjectParams,
  query: appCredentialQuery,
  status: 200,
  response: z.object({ items: z.array(appCredentialSchema) }),
  errors,
});

export const deleteAppCredential = defineContract({
  ...shared,
  id: 'app-credentials.delete',
  method: 'DELETE',
  path: '/api/v1/projects/:projectId/app-credentials/:credentialId',
  summary: 'Revoke one of your application credentials',
  params: appCredentialParams,
  query: appCredentialQuery,
  status: 204,
  response: emptyResponse,
  errors,
});

export const appCredentialContracts = [
  createAppCredential,
  listAppCredentials,
  deleteAppCredential,
];
