import { z } from 'zod';
import { idParams, idSchema, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { taskSchema } from '../tasks/task.schema';
import { serverActionInput } from './server-action.schema';
import {
  createServerInput,
  createServerResponse,
  serverConsoleSchema,
  serverDetailSchema,
  serverListQuery,
  serverSchema,
} from './server.schema';

const projectParams = z.object({ projectId: idSchema });

export const createServer = defineContract({
  id: 'server.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/servers',
  tag: 'servers',
  auth: 'user',
  summary:
    'Create 1–20 servers (one task each) after the quota check; answers 202 with the tasks. ' +
    'Send an Idempotency-Key header (or idempotencyKey) so a retried request returns the same tasks.',
  params: projectParams,
  body: createServerInput,
  rawText: ['userData'],
  status: 202,
  response: createServerResponse,
  errors: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'QUOTA_EXCEEDED', 'UPSTREAM_UNAVAILABLE'],
});

export const listServers = defineContract({
  id: 'server.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/servers',
  tag: 'servers',
  auth: 'user',
  summary:
    "The project's servers from the inventory mirror (status, name search, sort, pages); ?format=csv exports all matches",
  params: projectParams,
  query: serverListQuery,
  csv: true,
  status: 200,
  response: pageOf(serverSchema),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const getServer = defineContract({
  id: 'server.get',
  method: 'GET',
  path: '/api/v1/servers/:id',
  tag: 'servers',
  auth: 'user',
  summary: 'One server from the mirror with its recent tasks',
  params: idParams,
  status: 200,
  response: serverDetailSchema,
  errors: ['NOT_FOUND'],
});

export const actOnServer = defineContract({
  id: 'server.act',
  method: 'POST',
  path: '/api/v1/servers/:id/actions',
  tag: 'servers',
  auth: 'user',
  summary:
    'Start, stop, reboot, resize (+confirm/revert), rebuild, snapshot, lock, suspend, pause, migrate …; ' +
    '409 when the state does not allow it or another task runs on the server',
  params: idParams,
  body: serverActionInput,
  status: 202,
  response: z.object({ task: taskSchema }),
  errors: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const deleteServer = defineContract({
  id: 'server.delete',
  method: 'DELETE',
  path: '/api/v1/servers/:id',
  tag: 'servers',
  auth: 'user',
  summary: 'Delete a server (a task); 409 while another task runs on it',
  params: idParams,
  status: 202,
  response: z.object({ task: taskSchema }),
  errors: ['NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

/** The console relay owns the route; this is its shape. */
export const serverConsoleResponse = serverConsoleSchema;

export const serverContracts = [createServer, listServers, getServer, actOnServer, deleteServer];
