import { pageOf } from '../common';
import { defineContract } from '../define-contract';
import { userListQuery, userSchema } from './user.schema';

export const listUsers = defineContract({
  id: 'user.list',
  method: 'GET',
  path: '/api/v1/users',
  tag: 'users',
  auth: 'user',
  summary: 'List the users the caller can see',
  query: userListQuery,
  status: 200,
  response: pageOf(userSchema),
  errors: ['VALIDATION'],
});
