import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { quotaSchema, quotaUpdate } from './quota.schema';

export const updateQuota = defineContract({
  id: 'quota.update',
  method: 'PATCH',
  path: '/api/v1/quotas/:id',
  tag: 'quotas',
  auth: 'user',
  summary: 'Change a limit',
  params: idParams,
  body: quotaUpdate,
  status: 200,
  response: quotaSchema,
  errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'QUOTA_EXCEEDED'],
});
