import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import { createRouterInput, routerActionInput, routerItemSchema } from './router.schema';

const tag = 'network';
const taskErrors = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'PRECONDITION_FAILED',
] as const;

export const listRouters = defineContract({
  id: 'router.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/routers',
  tag,
  auth: 'user',
  summary: "The project's routers (gateway, interfaces) from the mirror; ?format=csv exports",
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(routerItemSchema),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const createRouter = defineContract({
  id: 'router.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/routers',
  tag,
  auth: 'user',
  summary: 'Create a router, optionally with its gateway on an external network (a task)',
  params: projectParams,
  body: createRouterInput,
  status: 202,
  response: taskAccepted,
  errors: [...taskErrors, 'UPSTREAM_UNAVAILABLE'],
});

export const getRouter = defineContract({
  id: 'router.get',
  method: 'GET',
  path: '/api/v1/routers/:id',
  tag,
  auth: 'user',
  summary: 'One router from the mirror',
  params: idParams,
  status: 200,
  response: routerItemSchema,
  errors: ['NOT_FOUND'],
});

export const deleteRouter = defineContract({
  id: 'router.delete',
  method: 'DELETE',
  path: '/api/v1/routers/:id',
  tag,
  auth: 'user',
  summary: 'Delete a router (a task); 409 router_in_use while it has interfaces',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: taskErrors,
});

export const actOnRouter = defineContract({
  id: 'router.act',
  method: 'POST',
  path: '/api/v1/routers/:id/actions',
  tag,
  auth: 'user',
  summary:
    'set-gateway {networkId, enableSnat?} | clear-gateway | add-interface {subnetId} | ' +
    'remove-interface {subnetId} (a task each)',
  params: idParams,
  body: routerActionInput,
  status: 202,
  response: taskAccepted,
  errors: [...taskErrors, 'UPSTREAM_UNAVAILABLE'],
});

export const routerContracts = [listRouters, createRouter, getRouter, deleteRouter, actOnRouter];
