import { z } from 'zod';
import { defineContract } from '../define-contract';
import { roleSchema } from './role.schema';

export const listRoles = defineContract({
  id: 'role.list',
  method: 'GET',
  path: '/api/v1/roles',
  tag: 'roles',
  auth: 'user',
  summary: 'List built-in and custom roles',
  status: 200,
  response: z.object({ items: z.array(roleSchema) }),
  errors: ['FORBIDDEN'],
});
