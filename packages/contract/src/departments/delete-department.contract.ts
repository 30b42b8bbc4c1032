import { emptyResponse, idParams } from '../common';
import { defineContract } from '../define-contract';

export const deleteDepartment = defineContract({
  id: 'department.delete',
  method: 'DELETE',
  path: '/api/v1/departments/:id',
  tag: 'departments',
  auth: 'user',
  summary:
    'Delete an empty department (no projects, users, live resources or unfinished tasks; else 409 department_not_empty with the counts)',
  params: idParams,
  status: 204,
  response: emptyResponse,
  errors: ['FORBIDDEN', 'NOT_FOUND', 'PRECONDITION_FAILED'],
});
