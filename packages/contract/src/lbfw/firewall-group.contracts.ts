import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import {
  createFirewallGroupInput,
  firewallGroupActionInput,
  firewallGroupItem,
} from './firewall.schema';

export const listFirewallGroups = defineContract({
  id: 'firewall-group.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/firewall-groups',
  tag: 'firewalls',
  auth: 'user',
  summary:
    "The project's firewall groups from the mirror (status ACTIVE/INACTIVE/…, search, sort, pages); ?format=csv exports all matches",
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(firewallGroupItem),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const createFirewallGroup = defineContract({
  id: 'firewall-group.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/firewall-groups',
  tag: 'firewalls',
  auth: 'user',
  summary:
    "Create a firewall group (ingress/egress policies, the project's router interface ports) as a task; " +
    '409 PRECONDITION_FAILED when the datacenter has no firewall service',
  params: projectParams,
  body: createFirewallGroupInput,
  status: 202,
  response: taskAccepted,
  errors: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const getFirewallGroup = defineContract({
  id: 'firewall-group.get',
  method: 'GET',
  path: '/api/v1/firewall-groups/:id',
  tag: 'firewalls',
  auth: 'user',
  summary: 'One firewall group from the mirror',
  params: idParams,
  status: 200,
  response: firewallGroupItem,
  errors: ['NOT_FOUND'],
});

export const actOnFirewallGroup = defineContract({
  id: 'firewall-group.act',
  method: 'POST',
  path: '/api/v1/firewall-groups/:id/actions',
  tag: 'firewalls',
  auth: 'user',
  summary: 'update: name, policies (null removes one), ports, admin state — a task',
  params: idParams,
  body: firewallGroupActionInput,
  status: 202,
  response: taskAccepted,
  errors: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const deleteFirewallGroup = defineContract({
  id: 'firewall-group.delete',
  method: 'DELETE',
  path: '/api/v1/firewall-groups/:id',
  tag: 'firewalls',
  auth: 'user',
  summary: 'Delete a firewall group (a task); its ports are released first',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const firewallGroupContracts = [
  listFirewallGroups,
  createFirewallGroup,
  getFirewallGroup,
  actOnFirewallGroup,
  deleteFirewallGroup,
];
