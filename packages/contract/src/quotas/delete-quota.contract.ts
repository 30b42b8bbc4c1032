import { emptyResponse, idParams } from '../common';
import { defineContract } from '../define-contract';

export const deleteQuota = defineContract({
  id: 'quota.delete',
  method: 'DELETE',
  path: '/api/v1/quotas/:id',
  tag: 'quotas',
  auth: 'user',
  summary: 'Return a limit to its default',
  params: idParams,
  status: 204,
  response: emptyResponse,
  errors: ['FORBIDDEN', 'NOT_FOUND', 'QUOTA_EXCEEDED'],
});
