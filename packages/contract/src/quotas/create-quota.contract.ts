import { defineContract } from '../define-contract';
import { quotaInput, quotaSchema } from './quota.schema';

export const createQuota = defineContract({
  id: 'quota.create',
  method: 'POST',
  path: '/api/v1/quotas',
  tag: 'quotas',
  auth: 'user',
  summary: 'Set a limit for a department or project (replaces the default)',
  body: quotaInput,
  status: 201,
  response: quotaSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'QUOTA_EXCEEDED'],
});
