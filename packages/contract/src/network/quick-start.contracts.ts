import { defineContract } from '../define-contract';
import { projectParams, taskAccepted } from '../resources/resource.schema';
import { quickStartInput } from './quick-start.schema';
import { topologyQuery, topologySchema } from './topology.schema';

const tag = 'network';

export const startNetworkQuickStart = defineContract({
  id: 'network.quick-start',
  method: 'POST',
  path: '/api/v1/projects/:projectId/network-quick-start',
  tag,
  auth: 'user',
  summary:
    'One task: network → subnet → router → gateway → interface → rules (default security group: ' +
    'ICMP and openPorts ingress) → record, each step shown with its detail; quota networks 1. ' +
    "A CIDR overlapping one of the project's subnets is 409 before any task.",
  params: projectParams,
  body: quickStartInput,
  status: 202,
  response: taskAccepted,
  errors: [
    'VALIDATION',
    'NOT_FOUND',
    'FORBIDDEN',
    'CONFLICT',
    'PRECONDITION_FAILED',
    'QUOTA_EXCEEDED',
    'UPSTREAM_UNAVAILABLE',
  ],
});

export const getNetworkTopology = defineContract({
  id: 'network.topology',
  method: 'GET',
  path: '/api/v1/projects/:projectId/topology',
  tag,
  auth: 'user',
  summary:
    "The project's network graph in one datacenter, read live: external networks, routers " +
    '(gateway, interfaces), networks, subnets, servers (by their ports) and floating IPs, each ' +
    'with a console href; the mirror rows of what was seen are refreshed.',
  params: projectParams,
  query: topologyQuery,
  status: 200,
  response: topologySchema,
  errors: ['VALIDATION', 'NOT_FOUND', 'UPSTREAM_UNAVAILABLE'],
});

export const quickStartContracts = [startNetworkQuickStart, getNetworkTopology];
