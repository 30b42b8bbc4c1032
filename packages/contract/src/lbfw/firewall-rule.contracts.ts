import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import { createFirewallRuleInput, firewallRuleItem } from './firewall.schema';

export const listFirewallRules = defineContract({
  id: 'firewall-rule.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/firewall-rules',
  tag: 'firewalls',
  auth: 'user',
  summary:
    "The project's FWaaS v2 firewall rules from the mirror (status, search, sort, pages); ?format=csv exports all matches",
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(firewallRuleItem),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const createFirewallRule = defineContract({
  id: 'firewall-rule.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/firewall-rules',
  tag: 'firewalls',
  auth: 'user',
  summary:
    'Create a firewall rule (protocol, allow/deny/reject, addresses and ports) as a task; ' +
    '409 PRECONDITION_FAILED when the datacenter has no firewall service',
  params: projectParams,
  body: createFirewallRuleInput,
  status: 202,
  response: taskAccepted,
  errors: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const getFirewallRule = defineContract({
  id: 'firewall-rule.get',
  method: 'GET',
  path: '/api/v1/firewall-rules/:id',
  tag: 'firewalls',
  auth: 'user',
  summary: 'One firewall rule from the mirror',
  params: idParams,
  status: 200,
  response: firewallRuleItem,
  errors: ['NOT_FOUND'],
});

export const deleteFirewallRule = defineContract({
  id: 'firewall-rule.delete',
  method: 'DELETE',
  path: '/api/v1/firewall-rules/:id',
  tag: 'firewalls',
  auth: 'user',
  summary: 'Delete a firewall rule (a task); 409 while a policy of the project uses it',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'PRECONDITION_FAILED', 'CONFLICT'],
});

export const firewallRuleContracts = [
  listFirewallRules,
  createFirewallRule,
  getFirewallRule,
  deleteFirewallRule,
];
