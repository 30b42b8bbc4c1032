import { defineContract } from '../define-contract';
import { projectInput, projectSchema } from './project.schema';

export const createProject = defineContract({
  id: 'project.create',
  method: 'POST',
  path: '/api/v1/projects',
  tag: 'projects',
  auth: 'user',
  summary: 'Create a project in a department',
  body: projectInput,
  status: 201,
  response: projectSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
});
