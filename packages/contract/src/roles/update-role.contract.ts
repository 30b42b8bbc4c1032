import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { roleInput, roleSchema } from './role.schema';

export const updateRole = defineContract({
  id: 'role.update',
  method: 'PATCH',
  path: '/api/v1/roles/:id',
  tag: 'roles',
  auth: 'user',
  summary: 'Update a custom role',
  params: idParams,
  body: roleInput.partial(),
  status: 200,
  response: roleSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED'],
});
