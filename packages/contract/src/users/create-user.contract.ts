import { defineContract } from '../define-contract';
import { userInput, userSchema } from './user.schema';

export const createUser = defineContract({
  id: 'user.create',
  method: 'POST',
  path: '/api/v1/users',
  tag: 'users',
  auth: 'user',
  summary: 'Create a user in a department with role assignments',
  body: userInput,
  status: 201,
  response: userSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
});
