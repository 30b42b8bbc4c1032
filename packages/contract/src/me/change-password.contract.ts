import { z } from 'zod';
import { emptyResponse } from '../common';
import { defineContract } from '../define-contract';
import { passwordSchema } from '../users/user.schema';

export const changePassword = defineContract({
  id: 'user.change-password',
  method: 'POST',
  path: '/api/v1/me/password',
  tag: 'me',
  auth: 'user',
  summary: 'Change my password; every other session of mine ends',
  body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema }),
  status: 204,
  response: emptyResponse,
  errors: ['VALIDATION', 'PRECONDITION_FAILED'],
});
