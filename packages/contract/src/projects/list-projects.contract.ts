import { pageOf } from '../common';
import { defineContract } from '../define-contract';
import { projectListQuery, projectSchema } from './project.schema';

export const listProjects = defineContract({
  id: 'project.list',
  method: 'GET',
  path: '/api/v1/projects',
  tag: 'projects',
  auth: 'user',
  summary: 'List the projects the caller can see (optionally of one department)',
  query: projectListQuery,
  status: 200,
  response: pageOf(projectSchema),
  errors: ['VALIDATION'],
});
