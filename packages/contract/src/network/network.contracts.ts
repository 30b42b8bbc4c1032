import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import {
  createNetworkInput,
  createPortInput,
  createSubnetInput,
  networkItemSchema,
  networkListQuery,
  networkListResponse,
  portItemSchema,
  portListQuery,
  subnetItemSchema,
  updateSubnetInput,
} from './network.schema';

const tag = 'network';
const taskErrors = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'PRECONDITION_FAILED',
] as const;

export const listProjectNetworks = defineContract({
  id: 'network.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/networks',
  tag,
  auth: 'user',
  summary:
    "The project's networks (owned: true) and, with ?datacenterId=, also the shared and external " +
    'networks it may use (owned: false), read live from that datacenter (the mirror is refreshed ' +
    'with what is seen; liveAt says when). Filter, search, sort, pages; ?format=csv exports.',
  params: projectParams,
  query: networkListQuery,
  csv: true,
  status: 200,
  response: networkListResponse,
  errors: ['VALIDATION', 'NOT_FOUND', 'UPSTREAM_UNAVAILABLE'],
});

export const createNetwork = defineContract({
  id: 'network.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/networks',
  tag,
  auth: 'user',
  summary:
    'Create a tenant network (a task; quota networks). shared, external and provider ' +
    '(flat/vlan/vxlan, physical network, segmentation id) are for compute.admin only (403 network_admin_fields).',
  params: projectParams,
  body: createNetworkInput,
  status: 202,
  response: taskAccepted,
  errors: [...taskErrors, 'QUOTA_EXCEEDED', 'UPSTREAM_UNAVAILABLE'],
});

export const getNetwork = defineContract({
  id: 'network.get',
  method: 'GET',
  path: '/api/v1/networks/:id',
  tag,
  auth: 'user',
  summary: 'One network from the mirror',
  description:
    'A network of a project the caller can read (owned: true), or a shared or external network of ' +
    'another tenant (owned: false, without its project, task and provider attributes). ' +
    'physicalNetwork and segmentationId need compute.admin.',
  params: idParams,
  status: 200,
  response: networkItemSchema,
  errors: ['NOT_FOUND'],
});

export const deleteNetwork = defineContract({
  id: 'network.delete',
  method: 'DELETE',
  path: '/api/v1/networks/:id',
  tag,
  auth: 'user',
  summary:
    "Delete a network (a task); the cloud refuses while ports are on it (in the cloud's words)",
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: taskErrors,
});

export const listSubnets = defineContract({
  id: 'subnet.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/subnets',
  tag,
  auth: 'user',
  summary: "The project's subnets from the mirror; ?format=csv exports",
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(subnetItemSchema),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const createSubnet = defineContract({
  id: 'subnet.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/subnets',
  tag,
  auth: 'user',
  summary:
    'Create a subnet on a network (a task). Invalid CIDRs, gateways or pools are 400 by field; a CIDR ' +
    "overlapping one of the network's subnets is 409 subnet_overlaps, before any task exists.",
  params: projectParams,
  body: createSubnetInput,
  status: 202,
  response: taskAccepted,
  errors: [...taskErrors, 'UPSTREAM_UNAVAILABLE'],
});

export const getSubnet = defineContract({
  id: 'subnet.get',
  method: 'GET',
  path: '/api/v1/subnets/:id',
  tag,
  auth: 'user',
  summary: 'One subnet from the mirror',
  params: idParams,
  status: 200,
  response: subnetItemSchema,
  errors: ['NOT_FOUND'],
});

export const updateSubnet = defineContract({
  id: 'subnet.update',
  method: 'PATCH',
  path: '/api/v1/subnets/:id',
  tag,
  auth: 'user',
  summary:
    'Change name, gateway, DHCP, DNS servers, allocation pools or host routes (a task); checked against the stored CIDR',
  params: idParams,
  body: updateSubnetInput,
  status: 202,
  response: taskAccepted,
  errors: taskErrors,
});

export const deleteSubnet = defineContract({
  id: 'subnet.delete',
  method: 'DELETE',
  path: '/api/v1/subnets/:id',
  tag,
  auth: 'user',
  summary: 'Delete a subnet (a task); 409 subnet_in_use while a router interface is on it',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: taskErrors,
});

export const listPorts = defineContract({
  id: 'port.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/ports',
  tag,
  auth: 'user',
  summary:
    "The project's ports from the mirror; with ?serverId= or ?networkId= read live from the cloud " +
    '(and the mirror refreshed). ?format=csv exports.',
  params: projectParams,
  query: portListQuery,
  csv: true,
  status: 200,
  response: pageOf(portItemSchema),
  errors: ['VALIDATION', 'NOT_FOUND', 'UPSTREAM_UNAVAILABLE'],
});

export const createPort = defineContract({
  id: 'port.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/ports',
  tag,
  auth: 'user',
  summary: 'Create a port on a network the project may use (a task)',
  params: projectParams,
  body: createPortInput,
  status: 202,
  response: taskAccepted,
  errors: [...taskErrors, 'UPSTREAM_UNAVAILABLE'],
});

export const getPort = defineContract({
  id: 'port.get',
  method: 'GET',
  path: '/api/v1/ports/:id',
  tag,
  auth: 'user',
  summary: 'One port from the mirror',
  params: idParams,
  status: 200,
  response: portItemSchema,
  errors: ['NOT_FOUND'],
});

export const deletePort = defineContract({
  id: 'port.delete',
  method: 'DELETE',
  path: '/api/v1/ports/:id',
  tag,
  auth: 'user',
  summary: 'Delete a port (a task); router and DHCP ports are refused by the cloud',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: taskErrors,
});

export const networkSubnetPortContracts = [
  listProjectNetworks,
  createNetwork,
  getNetwork,
  deleteNetwork,
  listSubnets,
  createSubnet,
  getSubnet,
  updateSubnet,
  deleteSubnet,
  listPorts,
  createPort,
  getPort,
  deletePort,
];
