import { z } from 'zod';
import { listQuery, timestamp } from '../common';

export const auditEventSchema = z.object({
  id: z.string(),
  at: timestamp,
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  departmentId: z.string().nullable(),
  projectId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  result: z.enum(['success', 'failure']),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListQuery = listQuery.extend({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  result: z.enum(['success', 'failure']).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
