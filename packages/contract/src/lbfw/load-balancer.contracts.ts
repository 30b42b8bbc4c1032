import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import {
  createLoadBalancerInput,
  loadBalancerActionInput,
  loadBalancerItem,
} from './load-balancer.schema';

export const listLoadBalancers = defineContract({
  id: 'load-balancer.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/load-balancers',
  tag: 'load-balancers',
  auth: 'user',
  summary:
    "The project's load balancers from the mirror (status = provisioning status, search, sort, pages); ?format=csv exports all matches",
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(loadBalancerItem),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const createLoadBalancer = defineContract({
  id: 'load-balancer.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/load-balancers',
  tag: 'load-balancers',
  auth: 'user',
  summary:
    "Create a load balancer (VIP on one of the project's subnets) after the load_balancers quota check; " +
    'a task that ends when it is ACTIVE. 409 PRECONDITION_FAILED when the datacenter has no load-balancer service',
  params: projectParams,
  body: createLoadBalancerInput,
  status: 202,
  response: taskAccepted,
  errors: [
    'VALIDATION',
    'NOT_FOUND',
    'FORBIDDEN',
    'PRECONDITION_FAILED',
    'CONFLICT',
    'QUOTA_EXCEEDED',
  ],
});

export const getLoadBalancer = defineContract({
  id: 'load-balancer.get',
  method: 'GET',
  path: '/api/v1/load-balancers/:id',
  tag: 'load-balancers',
  auth: 'user',
  summary:
    'One load balancer with its listeners, pools, members and health monitors; refreshed from the ' +
    'cloud (provisioning and operating statuses live) when the datacenter answers',
  params: idParams,
  status: 200,
  response: loadBalancerItem,
  errors: ['NOT_FOUND'],
});

export const actOnLoadBalancer = defineContract({
  id: 'load-balancer.act',
  method: 'POST',
  path: '/api/v1/load-balancers/:id/actions',
  tag: 'load-balancers',
  auth: 'user',
  summary:
    'add-listener, remove-listener, add-pool, remove-pool, add-member, remove-member, ' +
    'add-health-monitor, remove-health-monitor — a task that ends when the load balancer is ACTIVE again; ' +
    '409 while another task runs on it',
  params: idParams,
  body: loadBalancerActionInput,
  status: 202,
  response: taskAccepted,
  errors: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const deleteLoadBalancer = defineContract({
  id: 'load-balancer.delete',
  method: 'DELETE',
  path: '/api/v1/load-balancers/:id',
  tag: 'load-balancers',
  auth: 'user',
  summary: 'Delete a load balancer with its listeners, pools, members and monitors (a task)',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const loadBalancerContracts = [
  listLoadBalancers,
  createLoadBalancer,
  getLoadBalancer,
  actOnLoadBalancer,
  deleteLoadBalancer,
];
