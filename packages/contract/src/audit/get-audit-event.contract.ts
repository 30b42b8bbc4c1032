import { idParams } from '../common';
import { defineContract } from '../define-contract';
import { auditEventSchema } from './audit-event.schema';

export const getAuditEvent = defineContract({
  id: 'audit-event.get',
  method: 'GET',
  path: '/api/v1/audit-events/:id',
  tag: 'audit',
  auth: 'user',
  summary: 'Get one audit event',
  params: idParams,
  status: 200,
  response: auditEventSchema,
  errors: ['NOT_FOUND'],
});
