import { defineContract } from '../define-contract';
import { roleInput, roleSchema } from './role.schema';

export const createRole = defineContract({
  id: 'role.create',
  method: 'POST',
  path: '/api/v1/roles',
  tag: 'roles',
  auth: 'user',
  summary: 'Create a custom role (permission set + visible menus)',
  body: roleInput,
  status: 201,
  response: roleSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'CONFLICT'],
});
