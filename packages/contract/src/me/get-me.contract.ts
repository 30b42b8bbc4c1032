import { defineContract } from '../define-contract';
import { meSchema } from './me.schema';

export const getMe = defineContract({
  id: 'me.get',
  method: 'GET',
  path: '/api/v1/me',
  tag: 'me',
  auth: 'user',
  summary: 'The caller: user, roles, permissions, visible menus, projects',
  status: 200,
  response: meSchema,
  errors: ['UNAUTHENTICATED'],
});
