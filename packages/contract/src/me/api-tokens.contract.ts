import { z } from 'zod';
import { emptyResponse, idParams, nameSchema } from '../common';
import { defineContract } from '../define-contract';
import { apiTokenSchema } from './me.schema';

export const listApiTokens = defineContract({
  id: 'api-token.list',
  method: 'GET',
  path: '/api/v1/me/api-tokens',
  tag: 'me',
  auth: 'user',
  summary: 'My API tokens (never the secrets)',
  status: 200,
  response: z.object({ items: z.array(apiTokenSchema) }),
  errors: [],
});

export const createApiToken = defineContract({
  id: 'api-token.create',
  method: 'POST',
  path: '/api/v1/me/api-tokens',
  tag: 'me',
  auth: 'user',
  summary:
    'Create an API token for automation; the token is shown once (use as Authorization: Bearer)',
  body: z.object({ name: nameSchema, expiresInDays: z.number().int().min(1).max(3650).optional() }),
  status: 201,
  response: z.object({ token: z.string(), apiToken: apiTokenSchema }),
  errors: ['VALIDATION'],
});

export const deleteApiToken = defineContract({
  id: 'api-token.delete',
  method: 'DELETE',
  path: '/api/v1/me/api-tokens/:id',
  tag: 'me',
  auth: 'user',
  summary: 'Revoke an API token',
  params: idParams,
  status: 204,
  response: emptyResponse,
  errors: ['NOT_FOUND'],
});
