import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import {
  createFirewallPolicyInput,
  firewallPolicyActionInput,
  firewallPolicyItem,
} from './firewall.schema';

export const listFirewallPolicies = defineContract({
  id: 'firewall-policy.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/firewall-policies',
  tag: 'firewalls',
  auth: 'user',
  summary:
    "The project's firewall policies from the mirror (search, sort, pages); ?format=csv exports all matches",
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(firewallPolicyItem),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const createFirewallPolicy = defineContract({
  id: 'firewall-policy.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/firewall-policies',
  tag: 'firewalls',
  auth: 'user',
  summary:
    "Create a firewall policy from the project's rules (in order) as a task; " +
    '409 PRECONDITION_FAILED when the datacenter has no firewall service',
  params: projectParams,
  body: createFirewallPolicyInput,
  status: 202,
  response: taskAccepted,
  errors: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const getFirewallPolicy = defineContract({
  id: 'firewall-policy.get',
  method: 'GET',
  path: '/api/v1/firewall-policies/:id',
  tag: 'firewalls',
  auth: 'user',
  summary: 'One firewall policy from the mirror',
  params: idParams,
  status: 200,
  response: firewallPolicyItem,
  errors: ['NOT_FOUND'],
});

export const actOnFirewallPolicy = defineContract({
  id: 'firewall-policy.act',
  method: 'POST',
  path: '/api/v1/firewall-policies/:id/actions',
  tag: 'firewalls',
  auth: 'user',
  summary: "update: replace the policy's rules (in order) — a task",
  params: idParams,
  body: firewallPolicyActionInput,
  status: 202,
  response: taskAccepted,
  errors: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const deleteFirewallPolicy = defineContract({
  id: 'firewall-policy.delete',
  method: 'DELETE',
  path: '/api/v1/firewall-policies/:id',
  tag: 'firewalls',
  auth: 'user',
  summary: 'Delete a firewall policy (a task); 409 while a firewall group uses it',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const firewallPolicyContracts = [
  listFirewallPolicies,
  createFirewallPolicy,
  getFirewallPolicy,
  actOnFirewallPolicy,
  deleteFirewallPolicy,
];
