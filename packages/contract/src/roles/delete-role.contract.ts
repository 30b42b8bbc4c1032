import { emptyResponse, idParams } from '../common';
import { defineContract } from '../define-contract';

export const deleteRole = defineContract({
  id: 'role.delete',
  method: 'DELETE',
  path: '/api/v1/roles/:id',
  tag: 'roles',
  auth: 'user',
  summary: 'Delete a custom role that nobody holds',
  params: idParams,
  status: 204,
  response: emptyResponse,
  errors: ['FORBIDDEN', 'NOT_FOUND', 'PRECONDITION_FAILED'],
});
