import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { departmentSchema } from './department.schema';

export const getDepartment = defineContract({
  id: 'department.get',
  method: 'GET',
  path: '/api/v1/departments/:id',
  tag: 'departments',
  auth: 'user',
  summary: 'Get a department',
  params: idParams,
  status: 200,
  response: departmentSchema,
  errors: ['NOT_FOUND'],
});
