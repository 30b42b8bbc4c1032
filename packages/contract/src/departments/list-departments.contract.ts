import { listQuery, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { departmentSchema } from './department.schema';

export const listDepartments = defineContract({
  id: 'department.list',
  method: 'GET',
  path: '/api/v1/departments',
  tag: 'departments',
  auth: 'user',
  summary: 'List the departments the caller can see',
  query: listQuery,
  status: 200,
  response: pageOf(departmentSchema),
  errors: ['VALIDATION'],
});
