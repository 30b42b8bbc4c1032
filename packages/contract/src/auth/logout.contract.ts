import { emptyResponse } from '../common';
import { defineContract } from '../define-contract';

export const logout = defineContract({
  id: 'auth.logout',
  method: 'POST',
  path: '/api/v1/auth/logout',
  tag: 'auth',
  auth: 'user',
  summary: 'End the current session',
  status: 204,
  response: emptyResponse,
  errors: ['UNAUTHENTICATED'],
});
