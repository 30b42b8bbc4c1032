import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { projectSchema } from './project.schema';

export const getProject = defineContract({
  id: 'project.get',
  method: 'GET',
  path: '/api/v1/projects/:id',
  tag: 'projects',
  auth: 'user',
  summary: 'Get a project',
  params: idParams,
  status: 200,
  response: projectSchema,
  errors: ['NOT_FOUND'],
});
