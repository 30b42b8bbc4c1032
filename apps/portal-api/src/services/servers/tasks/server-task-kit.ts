import type { OperationHandle, OperationProgress, ServerDto } from '@yunguan/cloud-core';
import type { TaskPatch, TaskRow } from '../../../repositories/task-repository';
import { applyServerObservation } from '../../inventory/apply-server-observation';
import { TaskFailed } from '../../tasks/run-task';
import type { Judgement, TaskResult, TaskRun } from '../../tasks/task-definition';
import { finishStep, startStep, type StepText } from '../../tasks/task-steps';
import { stepMessage as m } from '@yunguan/contract';
import { stepsOf } from '../../tasks/to-task';

const json = (value: unknown) => value as NonNullable<TaskPatch['steps']>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The cloud's operation handle, once stored (a resumed attempt follows it, never re-sends). */
export const operationOf = (task: TaskRow): OperationHandle | null =>
  isObject(task.operation) && typeof task.operation.externalId === 'string'
    ? (task.operation as unknown as OperationHandle)
    : null;

/** Step `submit` done with the cloud's operation handle stored; step `wait` begins. */
export const recordOperation = (
  rt: TaskRun<unknown>,
  handle: OperationHandle,
  detail: StepText,
): Promise<TaskRow> => {
  const now = rt.deps.now();
  return rt.advance({
    operation: json(handle),
    targetExternalId: handle.externalId,
    steps: json(startStep(finishStep(stepsOf(rt.task()), 'submit', now, detail), 'wait', now)),
  });
};

/** What the server looked like just before the cloud was called (for judging a resume). */
export type SubmitMarker = {
  submitting: true;
  attempt: number;
  at: string;
  before?: { status: string; taskState: string | null; host: string | null; flavor: string | null };
};

/**
 * Written before the cloud is called: a later attempt that finds it (and no operation) knows the
 * call may have gone out and must look at the cloud instead of sending it again.
 */
export const markSubmitting = (
  rt: TaskRun<unknown>,
  before?: SubmitMarker['before'],
): Promise<TaskRow> =>
  rt.advance({
    operation: json({
      submitting: true,
      attempt: rt.task().attempts,
      at: rt.deps.now().toISOString(),
      ...(before ? { before } : {}),
    } satisfies SubmitMarker),
  });

export const submitMarkerOf = (task: TaskRow): SubmitMarker | null =>
  isObject(task.operation) && task.operation.submitting === true
    ? (task.operation as unknown as SubmitMarker)
    : null;

/**
 * Follow the cloud's operation handle in the task's `wait` step (rt.waitUntil: heartbeat, the
 * cloud's words, tolerated tunnel blips, the deadline). A server the cloud left in ERROR is
 * mirrored before the task fails, so the list shows it with its fault.
 */
export const followOperation = async (
  rt: TaskRun<unknown>,
  handle: OperationHandle,
): Promise<OperationProgress> => {
  let faulted: string | undefined;
  const look = async () => {
    const progress = await rt.provider.followOperation(handle, rt.call);
    if (progress.state === 'failed' && progress.resource)
      faulted = (await applyServerObservation(rt.deps, rt.task().datacenterId, progress.resource))
        .id;
    return progress;
  };
  try {
    return await rt.waitUntil('wait', look, judgeProgress);
  } catch (error) {
    if (error instanceof TaskFailed && faulted) throw new TaskFailed(error.failure, faulted);
    throw error;
  }
};

const judgeProgress = (progress: OperationProgress): Judgement =>
  progress.state === 'failed'
    ? { state: 'failed', reason: progress.reason }
    : {
        state: progress.state === 'succeeded' ? 'done' : 'pending',
        detail: m('status', { kind: 'server', status: progress.detail }),
      };

/** Mirror the server as the task last saw it; the task's result names it. */
export const recordServer = async (
  rt: TaskRun<unknown>,
  server: ServerDto,
  progress: OperationProgress,
  detail: StepText = m('status-of', {
    kind: 'server',
    name: server.name,
    status: server.rawStatus,
  }),
): Promise<TaskResult> => {
  const observed = await applyServerObservation(rt.deps, rt.task().datacenterId, server);
  return {
    resourceId: observed.id,
    waitDetail: m('status', { kind: 'server', status: progress.detail }),
    detail,
  };
};
