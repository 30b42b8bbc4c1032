import type { Locale, PortalEvent } from '@yunguan/contract';
import { z } from 'zod';
import type { LifecycleEventRow } from '../repositories/lifecycle-event-repository';
import { toTask } from '../services/tasks/to-task';

/** The task snapshot a task event stores (lifecycle-event-repository's taskEventPayload). */
const date = z.coerce.date();
const taskSnapshotSchema = z.object({
  id: z.string(),
  action: z.string(),
  status: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  departmentId: z.string(),
  projectId: z.string(),
  datacenterId: z.string(),
  targetType: z.string(),
  targetExternalId: z.string().nullable(),
  resourceId: z.string().nullable(),
  targetName: z.string(),
  input: z.json(),
  steps: z.json(),
  errorReason: z.string().nullable(),
  errorParams: z.json().nullable(),
  errorMessage: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: date,
  startedAt: date.nullable(),
  finishedAt: date.nullable(),
  heartbeatAt: date.nullable(),
  updatedAt: date,
});

const resourcePayloadSchema = z.object({
  name: z.string().nullable(),
  status: z.string().nullable(),
});

const changeOf = (type: string): 'created' | 'updated' | 'deleted' =>
  type === 'resource.created' ? 'created' : type === 'resource.deleted' ? 'deleted' : 'updated';

/**
 * One log row as the SSE stream shows it (the `id` is the row's seq), in the reader's language;
 * null for a row of a kind the stream does not carry. Throws on a row that does not parse.
 */
export const toPortalEvent = (row: LifecycleEventRow, locale: Locale): PortalEvent | null => {
  const id = row.seq.toString();
  const at = row.at.toISOString();
  if (row.type.startsWith('task.')) {
    const task = toTask(taskSnapshotSchema.parse(row.payload), locale);
    return {
      type: 'task.updated',
      id,
      at,
      departmentId: task.departmentId,
      projectId: task.projectId,
      task,
    };
  }
  if (row.type.startsWith('resource.') && row.datacenterId && row.resourceType) {
    const payload = resourcePayloadSchema.parse(row.payload);
    return {
      type: 'resource.changed',
      id,
      at,
      departmentId: row.projectId ? row.departmentId : null,
      projectId: row.departmentId ? row.projectId : null,
      datacenterId: row.datacenterId,
      resourceType: row.resourceType,
      resourceId: row.resourceId ?? '',
      externalId: row.externalId ?? '',
      change: changeOf(row.type),
      name: payload.name,
      status: payload.status,
    };
  }
  return null;
};
