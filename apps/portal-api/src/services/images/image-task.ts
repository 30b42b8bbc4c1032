import { randomUUID } from 'node:crypto';
import type { TaskStep } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { isUniqueViolation } from '../../repositories/db-client';
import { findActiveImageTask } from '../../repositories/image-task-repository';
import { insertTask, type TaskPatch, type TaskRow } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { failTask } from '../tasks/run-task';
import { stepsOf } from '../tasks/to-task';
import { transitionTask } from '../tasks/transition-task';
import { stepFields, type StepText } from '../tasks/task-steps';

/**
 * Image tasks run inside the API request that carries them (ADR 0108): the bytes of an upload
 * arrive with the request, and Glance answers updates and deletes at once. The task row still
 * records who, what, the steps and the outcome, and is streamed over SSE like any other.
 */
export type ImageAction = 'image.upload' | 'image.update' | 'image.delete';
export type ImageStepKey = 'create' | 'upload' | 'verify' | 'submit';

const json = (value: unknown) => value as NonNullable<TaskPatch['steps']>;

export const pendingSteps = (keys: ImageStepKey[]): TaskStep[] =>
  keys.map((key) => ({ key, status: 'pending', startedAt: null, finishedAt: null, detail: null }));

export const setStep = (
  steps: TaskStep[],
  key: ImageStepKey,
  status: TaskStep['status'],
  at: Date,
  detail?: StepText,
): TaskStep[] =>
  steps.map((s) =>
    s.key === key
      ? {
          ...s,
          status,
          startedAt: s.startedAt ?? at.toISOString(),
          finishedAt: status === 'running' ? null : at.toISOString(),
          ...(detail === undefined ? {} : stepFields(detail)),
        }
      : s,
  );

export type ImageTaskTarget = {
  project: { id: string; departmentId: string };
  datacenterId: string;
  image: { externalId: string; name: string };
};

/**
 * An upload task still waiting for its bytes (its `upload` step not begun) does not hold the
 * image: a change or delete cancels it. One whose bytes are flowing does (CONFLICT image_busy).
 */
const releaseWaitingUpload = async (ctx: ServiceContext, target: ImageTaskTarget) => {
  const active = await findActiveImageTask(ctx.db, target.datacenterId, target.image.externalId);
  if (!active || active.action !== 'image.upload') return;
  const upload = stepsOf(active).find((s) => s.key === 'upload');
  if (upload?.status !== 'pending') return;
  const now = ctx.now();
  await transitionTask(ctx, active, ['queued', 'running'], {
    status: 'cancelled',
    finishedAt: now,
    steps: json(setStep(stepsOf(active), 'upload', 'failed', now, 'no bytes were sent')),
  });
};

/** Insert a running image task (refused with CONFLICT while another one runs on the image). */
export const openImageTask = async (
  ctx: ServiceContext,
  target: ImageTaskTarget,
  action: ImageAction,
  input: Record<string, string | number | boolean>,
  steps: TaskStep[],
): Promise<TaskRow> => {
  if (action !== 'image.upload') await releaseWaitingUpload(ctx, target);
  const id = randomUUID();
  let row: TaskRow;
  try {
    row = await insertTask(ctx.db, {
      id,
      actorId: ctx.principal.userId,
      actorName: ctx.principal.username,
      departmentId: target.project.departmentId,
      projectId: target.project.id,
      datacenterId: target.datacenterId,
      action,
      targetType: 'image',
      targetExternalId: target.image.externalId,
      targetName: target.image.name,
      resourceId: null,
      input,
      secretInputEnc: null,
      steps: json(steps),
      jobId: id,
      idempotencyKey: null,
      requestHash: null,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const active = await findActiveImageTask(ctx.db, target.datacenterId, target.image.externalId);
    throw conflict('image_busy', { image: target.image.name, action: active?.action ?? action });
  }
  const now = ctx.now();
  const running = await transitionTask(
    ctx,
    row,
    ['queued'],
    { status: 'running', attempts: 1, startedAt: now, heartbeatAt: now },
    { detail: { phase: 'started', requestId: ctx.requestId } },
  );
  return running ?? row;
};

/** Progress of a running image task (published; refreshes the heartbeat). */
export const stepImageTask = async (
  ctx: ServiceContext,
  task: TaskRow,
  key: ImageStepKey,
  status: TaskStep['status'],
  detail?: StepText,
): Promise<TaskRow> => {
  const now = ctx.now();
  const updated = await transitionTask(ctx, task, ['running'], {
    heartbeatAt: now,
    steps: json(setStep(stepsOf(task), key, status, now, detail)),
  });
  return updated ?? task;
};

export const succeedImageTask = async (
  ctx: ServiceContext,
  task: TaskRow,
  key: ImageStepKey,
  detail: StepText,
): Promise<TaskRow> => {
  const now = ctx.now();
  const done = await transitionTask(ctx, task, ['running'], {
    status: 'succeeded',
    finishedAt: now,
    steps: json(setStep(stepsOf(task), key, 'succeeded', now, detail)),
  });
  return done ?? task;
};

/** Fail the task with a reason from the message catalog; the caller then throws. */
export const failImageTask = async (
  ctx: ServiceContext,
  task: TaskRow,
  reason: string,
  params: Record<string, string | number>,
): Promise<void> => {
  await failTask(ctx, task, { reason, params });
};
