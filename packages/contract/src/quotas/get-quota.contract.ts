import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { quotaSchema } from './quota.schema';

export const getQuota = defineContract({
  id: 'quota.get',
  method: 'GET',
  path: '/api/v1/quotas/:id',
  tag: 'quotas',
  auth: 'user',
  summary: 'Get one stored quota',
  params: idParams,
  status: 200,
  response: quotaSchema,
  errors: ['NOT_FOUND'],
});
