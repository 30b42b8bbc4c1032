import { z } from 'zod';
import { emptyResponse, idParams, listQuery, pageOf } from '../common';
import { defineContract } from '../define-contract';
import {
  datacenterInput,
  datacenterSchema,
  datacenterUpdate,
  enrollmentSchema,
} from './datacenter.schema';

export const listDatacenters = defineContract({
  id: 'datacenter.list',
  method: 'GET',
  path: '/api/v1/datacenters',
  tag: 'datacenters',
  auth: 'user',
  summary: 'List datacenters with agent and live tunnel status',
  query: listQuery,
  status: 200,
  response: pageOf(datacenterSchema),
  errors: ['FORBIDDEN', 'VALIDATION'],
});

export const getDatacenter = defineContract({
  id: 'datacenter.get',
  method: 'GET',
  path: '/api/v1/datacenters/:id',
  tag: 'datacenters',
  auth: 'user',
  summary: 'Get a datacenter, including tunnel: { state, latencyMs, gateway, since }',
  params: idParams,
  status: 200,
  response: datacenterSchema,
  errors: ['NOT_FOUND'],
});

export const createDatacenter = defineContract({
  id: 'datacenter.create',
  method: 'POST',
  path: '/api/v1/datacenters',
  tag: 'datacenters',
  auth: 'user',
  summary: 'Create a datacenter; answers with a one-time enrollment token and install command',
  body: datacenterInput,
  status: 201,
  response: datacenterSchema.extend({ enrollment: enrollmentSchema }),
  errors: ['VALIDATION', 'FORBIDDEN', 'CONFLICT'],
});

export const updateDatacenter = defineContract({
  id: 'datacenter.update',
  method: 'PATCH',
  path: '/api/v1/datacenters/:id',
  tag: 'datacenters',
  auth: 'user',
  summary: 'Rename a datacenter or change its region or description',
  params: idParams,
  body: datacenterUpdate,
  status: 200,
  response: datacenterSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
});

export const deleteDatacenter = defineContract({
  id: 'datacenter.delete',
  method: 'DELETE',
  path: '/api/v1/datacenters/:id',
  tag: 'datacenters',
  auth: 'user',
  summary:
    'Delete a datacenter that mirrors nothing live and has no unfinished tasks (else 409 datacenter_not_empty with the counts): its agent is disconnected, its port freed; its history stays',
  params: idParams,
  status: 204,
  response: emptyResponse,
  errors: ['FORBIDDEN', 'NOT_FOUND', 'PRECONDITION_FAILED'],
});

export const createEnrollmentToken = defineContract({
  id: 'datacenter.create-enrollment-token',
  method: 'POST',
  path: '/api/v1/datacenters/:id/enrollment-tokens',
  tag: 'datacenters',
  auth: 'user',
  summary:
    'Issue a new one-time enrollment token (earlier unused tokens stop working); use it to rotate the agent key',
  params: idParams,
  status: 201,
  response: enrollmentSchema,
  errors: ['FORBIDDEN', 'NOT_FOUND'],
});

export const revokeAgent = defineContract({
  id: 'datacenter.revoke-agent',
  method: 'POST',
  path: '/api/v1/datacenters/:id/revoke-agent',
  tag: 'datacenters',
  auth: 'user',
  summary: 'Revoke the agent key and unused enrollment tokens; the tunnel closes within 5 s',
  params: idParams,
  status: 200,
  response: datacenterSchema,
  errors: ['FORBIDDEN', 'NOT_FOUND', 'PRECONDITION_FAILED'],
});

export const getAgentInfo = defineContract({
  id: 'datacenter.agent-info',
  method: 'GET',
  path: '/api/v1/datacenters/:id/agent-info',
  tag: 'datacenters',
  auth: 'user',
  summary:
    "Ask the datacenter's agent through the tunnel (version, uptime, upstream health); fails fast when offline",
  params: idParams,
  status: 200,
  response: z.record(z.string(), z.unknown()),
  errors: ['FORBIDDEN', 'NOT_FOUND', 'UPSTREAM_UNAVAILABLE'],
});
