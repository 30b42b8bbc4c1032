import { z } from 'zod';
import { defineContract } from '../define-contract';
import { quotaListQuery, quotaSchema } from './quota.schema';

export const listQuotas = defineContract({
  id: 'quota.list',
  method: 'GET',
  path: '/api/v1/quotas',
  tag: 'quotas',
  auth: 'user',
  summary: 'Effective quotas of the departments / projects the caller can see (defaults included)',
  query: quotaListQuery,
  status: 200,
  response: z.object({ items: z.array(quotaSchema) }),
  errors: ['VALIDATION', 'NOT_FOUND'],
});
