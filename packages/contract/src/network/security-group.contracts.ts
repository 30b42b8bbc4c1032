import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectParams, resourceListQuery, taskAccepted } from '../resources/resource.schema';
import {
  createSecurityGroupInput,
  securityGroupActionInput,
  securityGroupItemSchema,
} from './security-group.schema';

const tag = 'network';
const taskErrors = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'PRECONDITION_FAILED',
] as const;

export const listProjectSecurityGroups = defineContract({
  id: 'security-group.list',
  method: 'GET',
  path: '/api/v1/projects/:projectId/security-groups',
  tag,
  auth: 'user',
  summary:
    "The project's security groups with their rules; with ?datacenterId= read live (the cloud's " +
    '`default` group included) and the mirror refreshed. ?format=csv exports.',
  params: projectParams,
  query: resourceListQuery,
  csv: true,
  status: 200,
  response: pageOf(securityGroupItemSchema),
  errors: ['VALIDATION', 'NOT_FOUND', 'UPSTREAM_UNAVAILABLE'],
});

export const createSecurityGroup = defineContract({
  id: 'security-group.create',
  method: 'POST',
  path: '/api/v1/projects/:projectId/security-groups',
  tag,
  auth: 'user',
  summary: 'Create a security group (a task; quota security_groups); the cloud adds egress rules',
  params: projectParams,
  body: createSecurityGroupInput,
  status: 202,
  response: taskAccepted,
  errors: [...taskErrors, 'QUOTA_EXCEEDED', 'UPSTREAM_UNAVAILABLE'],
});

export const getSecurityGroup = defineContract({
  id: 'security-group.get',
  method: 'GET',
  path: '/api/v1/security-groups/:id',
  tag,
  auth: 'user',
  summary: 'One security group with its rules, from the mirror',
  params: idParams,
  status: 200,
  response: securityGroupItemSchema,
  errors: ['NOT_FOUND'],
});

export const deleteSecurityGroup = defineContract({
  id: 'security-group.delete',
  method: 'DELETE',
  path: '/api/v1/security-groups/:id',
  tag,
  auth: 'user',
  summary:
    'Delete a security group (a task); the `default` group is refused (409 security_group_default)',
  params: idParams,
  status: 202,
  response: taskAccepted,
  errors: taskErrors,
});

export const actOnSecurityGroup = defineContract({
  id: 'security-group.act',
  method: 'POST',
  path: '/api/v1/security-groups/:id/actions',
  tag,
  auth: 'user',
  summary:
    'add-rule {direction, ethertype, protocol, portRangeMin/Max, remoteIpPrefix | remoteGroupId} | ' +
    'remove-rule {ruleId} (a task each); a duplicate rule is 409 security_group_rule_exists',
  params: idParams,
  body: securityGroupActionInput,
  status: 202,
  response: taskAccepted,
  errors: [...taskErrors, 'UPSTREAM_UNAVAILABLE'],
});

export const securityGroupContracts = [
  listProjectSecurityGroups,
  createSecurityGroup,
  getSecurityGroup,
  deleteSecurityGroup,
  actOnSecurityGroup,
];
