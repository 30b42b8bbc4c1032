import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { userSchema } from './user.schema';

export const getUser = defineContract({
  id: 'user.get',
  method: 'GET',
  path: '/api/v1/users/:id',
  tag: 'users',
  auth: 'user',
  summary: 'Get a user',
  params: idParams,
  status: 200,
  response: userSchema,
  errors: ['NOT_FOUND'],
});
