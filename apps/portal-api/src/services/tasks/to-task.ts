import {
  renderMessage,
  taskSchema,
  taskStepSchema,
  type Locale,
  type Task,
  type TaskStep,
} from '@yunguan/contract';
import { z } from 'zod';
import type { TaskSnapshot } from '../../repositories/lifecycle-event-repository';
import type { TaskRow } from '../../repositories/task-repository';

const stepsSchema = z.array(taskStepSchema);
const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const stepsOf = (row: Pick<TaskRow, 'steps'>): TaskStep[] => stepsSchema.parse(row.steps);

/** A task row as the API shows it; the error message in the reader's language. */
export const toTask = (row: TaskSnapshot, locale: Locale = 'en'): Task => {
  const params = row.errorReason ? paramsSchema.parse(row.errorParams ?? {}) : {};
  return taskSchema.parse({
    id: row.id,
    action: row.action,
    status: row.status,
    actorId: row.actorId,
    actorName: row.actorName,
    departmentId: row.departmentId,
    projectId: row.projectId,
    datacenterId: row.datacenterId,
    targetType: row.targetType,
    targetExternalId: row.targetExternalId,
    resourceId: row.resourceId,
    targetName: row.targetName,
    input: row.input ?? {},
    steps: stepsOf(row),
    error: row.errorReason
      ? {
          reason: row.errorReason,
          params,
          message:
            locale === 'en' && row.errorMessage
              ? row.errorMessage
              : renderMessage(locale, 'PRECONDITION_FAILED', row.errorReason, params),
        }
      : null,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    heartbeatAt: row.heartbeatAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  });
};

/** Re-render a task's error for another language (the API answers in the caller's). */
export const localiseTask = (task: Task, locale: Locale): Task =>
  task.error && locale !== 'en'
    ? {
        ...task,
        error: {
          ...task.error,
          message: renderMessage(
            locale,
            'PRECONDITION_FAILED',
            task.error.reason,
            task.error.params,
          ),
        },
      }
    : task;
