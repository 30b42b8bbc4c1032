import { emptyResponse, idParams } from '../common';
import { defineContract } from '../define-contract';

export const deleteProject = defineContract({
  id: 'project.delete',
  method: 'DELETE',
  path: '/api/v1/projects/:id',
  tag: 'projects',
  auth: 'user',
  summary: 'Delete a project (its member assignments and quotas go with it)',
  params: idParams,
  status: 204,
  response: emptyResponse,
  errors: ['FORBIDDEN', 'NOT_FOUND', 'PRECONDITION_FAILED'],
});
