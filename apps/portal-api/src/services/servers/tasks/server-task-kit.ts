import type { OperationHandle, OperationProgress, ServerDto } from '@yunguan/cloud-core';
import type { TaskPatch, TaskRow } from '../../../repositories/task-repository';
import { applyServerObservation } from '../../inventory/apply-server-observation';
import { TaskFailed } from '../../tasks/run-task';
import type { TaskResult, TaskRun } from '../../tasks/task-definition';
import { finishStep, noteStep, startStep, type StepText } from '../../tasks/task-steps';
import { stepsOf } from '../../tasks/to-task';
import { stepMessage as m } from '@yunguan/contract';

const json = (value: unknown) => value as NonNullable<TaskPatch['steps']>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
 * Look at the operation every followIntervalMs until it settles, writing the heartbeat and the
 * cloud's words each time. A few consecutive transient errors (a tunnel blip) are tolerated;
 * the deadline is counted from the task's start. A server the cloud left in ERROR is mirrored
 * before the task fails, so the list shows it with its fault.
 */
export const followOperation = async (
  rt: TaskRun<unknown>,
  handle: OperationHandle,
): Promise<OperationProgress> => {
  const { deps } = rt;
  const { followIntervalMs, deadlineMs } = deps.config.tasks.settings;
  const startedAt = (rt.task().startedAt ?? deps.now()).getTime();
  let lastDetail = '';
  let failures = 0;
  for (;;) {
    let progress: OperationProgress;
    try {
      progress = await rt.provider.followOperation(handle, rt.call);
      failures = 0;
    } catch (error) {
      failures += 1;
      if (failures >= 5) throw error;
      await sleep(followIntervalMs);
      continue;
    }
    if (progress.state === 'succeeded') return progress;
    if (progress.state === 'failed') {
      const observed = progress.resource
        ? await applyServerObservation(deps, rt.task().datacenterId, progress.resource)
        : null;
      throw new TaskFailed(
        { reason: 'cloud_operation_failed', params: { detail: progress.reason } },
        observed?.id,
      );
    }
    if (deps.now().getTime() - startedAt > deadlineMs)
      throw new TaskFailed({
        reason: 'task_timed_out',
        params: { minutes: Math.round(deadlineMs / 60_000), detail: progress.detail },
      });
    await rt.advance(
      progress.detail !== lastDetail
        ? {
            steps: json(
              noteStep(
                stepsOf(rt.task()),
                'wait',
                m('status', { kind: 'server', status: progress.detail }),
              ),
            ),
          }
        : {},
    );
    lastDetail = progress.detail;
    await sleep(followIntervalMs);
  }
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
