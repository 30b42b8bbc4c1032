import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { roleSchema } from './role.schema';

export const getRole = defineContract({
  id: 'role.get',
  method: 'GET',
  path: '/api/v1/roles/:id',
  tag: 'roles',
  auth: 'user',
  summary: 'Get a role',
  params: idParams,
  status: 200,
  response: roleSchema,
  errors: ['NOT_FOUND'],
});
