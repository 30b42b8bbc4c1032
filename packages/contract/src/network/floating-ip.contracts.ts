import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import {
  createFloatingIpInput,
  floatingIpActionInput,
  floatingIpItemSchema,
} from './floating-ip.schema';

const tag = 'network';
const taskErrors = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'PRECONDITION_FAILED',
] as const;

export const listFloatingIps = defineContract({
  id: 'floating-ip.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/floating-ips',
  tag,
  auth: 'user',
  summary: "The project's floating IPs from the mirror; ?format=csv exports",
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(floatingIpItemSchema),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const createFloatingIp = defineContract({
  id: 'floating-ip.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/floating-ips',
  tag,
  auth: 'user',
  summary: 'Allocate a floating IP from an external network (a task; quota floating_ips)',
  params: projectParams,
  body: createFloatingIpInput,
  status: 202,
  response: taskAccepted,
  errors: [...taskErrors, 'QUOTA_EXCEEDED', 'UPSTREAM_UNAVAILABLE'],
});

export const getFloatingIp = defineContract({
  id: 'floating-ip.get',
  method: 'GET',
  path: '/api/v1/floating-ips/:id',
  tag,
  auth: 'user',
  summary: 'One floating IP from the mirror, with its port forwardings',
  params: idParams,
  status: 200,
  response: floatingIpItemSchema,
  errors: ['NOT_FOUND'],
});

export const deleteFloatingIp = defineContract({
  id: 'floating-ip.delete',
  method: 'DELETE',
  path: '/api/v1/floating-ips/:id',
  tag,
  auth: 'user',
  summary: 'Release a floating IP (a task)',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: taskErrors,
});

export const actOnFloatingIp = defineContract({
  id: 'floating-ip.act',
  method: 'POST',
  path: '/api/v1/floating-ips/:id/actions',
  tag,
  auth: 'user',
  summary:
    'associate {serverId, portId?, fixedIp?} | disassociate | add-port-forwarding | ' +
    'remove-port-forwarding (a task each). Associate is refused with 409 floating_ip_no_route, ' +
    "before any task, when the server's subnet has no router with a gateway on the floating IP's network.",
  params: idParams,
  body: floatingIpActionInput,
  status: 202,
  response: taskAccepted,
  errors: [...taskErrors, 'UPSTREAM_UNAVAILABLE'],
});

export const floatingIpContracts = [
  listFloatingIps,
  createFloatingIp,
  getFloatingIp,
  deleteFloatingIp,
  actOnFloatingIp,
];
