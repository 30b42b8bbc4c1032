import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { departmentInput, departmentSchema } from './department.schema';

export const updateDepartment = defineContract({
  id: 'department.update',
  method: 'PATCH',
  path: '/api/v1/departments/:id',
  tag: 'departments',
  auth: 'user',
  summary: 'Rename or describe a department',
  params: idParams,
  body: departmentInput.partial(),
  status: 200,
  response: departmentSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
});
