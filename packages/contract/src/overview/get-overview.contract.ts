import { defineContract } from '../define-contract';
import { overviewSchema } from './overview.schema';

export const getOverview = defineContract({
  id: 'overview.get',
  method: 'GET',
  path: '/api/v1/overview',
  tag: 'me',
  auth: 'user',
  summary:
    'Dashboard within your reach: resources by type and state, quota use, recent and running tasks, datacenter health',
  status: 200,
  response: overviewSchema,
  errors: ['UNAUTHENTICATED'],
});
