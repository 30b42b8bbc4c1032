import { pageOf } from '../common';
import { defineContract } from '../define-contract';
import { auditEventSchema, auditListQuery } from './audit-event.schema';

export const listAuditEvents = defineContract({
  id: 'audit-event.list',
  method: 'GET',
  path: '/api/v1/audit-events',
  tag: 'audit',
  auth: 'user',
  summary:
    'Search the audit log (actor, action prefix, result, time); ?format=csv exports all matches',
  query: auditListQuery,
  csv: true,
  status: 200,
  response: pageOf(auditEventSchema),
  errors: ['VALIDATION', 'FORBIDDEN'],
});
