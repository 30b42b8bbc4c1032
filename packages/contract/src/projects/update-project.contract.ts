import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { projectSchema, projectUpdate } from './project.schema';

export const updateProject = defineContract({
  id: 'project.update',
  method: 'PATCH',
  path: '/api/v1/projects/:id',
  tag: 'projects',
  auth: 'user',
  summary: 'Rename or describe a project',
  params: idParams,
  body: projectUpdate,
  status: 200,
  response: projectSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
});
