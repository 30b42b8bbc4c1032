import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { userSchema, userUpdate } from './user.schema';

export const updateUser = defineContract({
  id: 'user.update',
  method: 'PATCH',
  path: '/api/v1/users/:id',
  tag: 'users',
  auth: 'user',
  summary:
    'Update a user: profile, status, password reset, unlock, role assignments (replaced whole)',
  params: idParams,
  body: userUpdate,
  status: 200,
  response: userSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND'],
});
