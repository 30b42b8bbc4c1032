import { idParams, pageOf } from '../common';
import { defineContract } from '../define-contract';
import { taskListQuery, taskSchema } from './task.schema';

export const getTask = defineContract({
  id: 'task.get',
  method: 'GET',
  path: '/api/v1/tasks/:id',
  tag: 'tasks',
  auth: 'user',
  summary: 'One task with its steps, error reason and timestamps (404 outside your projects)',
  params: idParams,
  status: 200,
  response: taskSchema,
  errors: ['NOT_FOUND'],
});

export const listTasks = defineContract({
  id: 'task.list',
  method: 'GET',
  path: '/api/v1/tasks',
  tag: 'tasks',
  auth: 'user',
  summary:
    'Tasks of the projects you can reach, newest first (filter: projectId, status, action, targetType, createdFrom/createdTo)',
  query: taskListQuery,
  status: 200,
  response: pageOf(taskSchema),
  errors: ['VALIDATION', 'NOT_FOUND'],
});

export const taskContracts = [getTask, listTasks];
