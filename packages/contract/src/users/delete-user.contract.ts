import { emptyResponse, idParams } from '../common';
import { defineContract } from '../define-contract';

export const deleteUser = defineContract({
  id: 'user.delete',
  method: 'DELETE',
  path: '/api/v1/users/:id',
  tag: 'users',
  auth: 'user',
  summary: 'Delete a user (their sessions and API tokens end at once)',
  params: idParams,
  status: 204,
  response: emptyResponse,
  errors: ['FORBIDDEN', 'NOT_FOUND', 'PRECONDITION_FAILED'],
});
