import { emptyResponse, idParams } from '../common';
import { defineContract } from '../define-contract';

export const deleteProject = defineContract({
  id: 'project.delete',
  method: 'DELETE',
  path: '/api/v1/projects/:id',
  tag: 'projects',
  auth: 'user',
  summary:
    'Delete a project that owns no live resources and no unfinished tasks (else 409 project_not_empty with the counts); its member assignments and quotas go, its history stays',
  params: idParams,
  status: 204,
  response: emptyResponse,
  errors: ['FORBIDDEN', 'NOT_FOUND', 'PRECONDITION_FAILED'],
});
