import { defineContract } from '../define-contract';
import { departmentInput, departmentSchema } from './department.schema';

export const createDepartment = defineContract({
  id: 'department.create',
  method: 'POST',
  path: '/api/v1/departments',
  tag: 'departments',
  auth: 'user',
  summary: 'Create a department (super admin)',
  body: departmentInput,
  status: 201,
  response: departmentSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'CONFLICT'],
});
