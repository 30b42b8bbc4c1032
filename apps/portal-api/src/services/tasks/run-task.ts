import type { CloudProvider, OperationHandle, OperationProgress } from '@yunguan/cloud-core';
import { findTaskRow, type TaskPatch, type TaskRow } from '../../repositories/task-repository';
import { applyServerObservation } from '../inventory/apply-server-observation';
import { describeFailure, failureMessage, type TaskFailure } from './describe-failure';
import { currentStep, finishStep, noteStep, startStep } from './task-steps';
import { stepsOf } from './to-task';
import { transitionTask, type TaskDeps } from './transition-task';

/** A failure the task code decided on (not retried). */
export class TaskFailed extends Error {
  constructor(
    readonly failure: Pick<TaskFailure, 'reason' | 'params'>,
    readonly resource?: OperationProgress['resource'],
  ) {
    super(failure.reason);
    this.name = 'TaskFailed';
  }
}

/** The task was finished elsewhere (reconciled, given up) while this attempt ran. */
class TaskGone extends Error {}

export type TaskAttempt = { finalAttempt: boolean };

const json = (value: unknown) => value as NonNullable<TaskPatch['steps']>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * queued|running → running for a new attempt, compare-and-set on the attempt number seen: of two
 * workers claiming at once one wins, the other gets null (as when there is nothing left to do).
 */
export const claimTask = async (deps: TaskDeps, taskId: string): Promise<TaskRow | null> => {
  const task = await findTaskRow(deps.db, taskId);
  if (!task || (task.status !== 'queued' && task.status !== 'running')) return null;
  const now = deps.now();
  if (task.attempts >= deps.config.tasks.settings.maxAttempts) {
    await failTask(deps, task, {
      reason: 'task_gave_up',
      params: { attempts: task.attempts, detail: 'its worker stopped every time' },
    });
    return null;
  }
  const steps = stepsOf(task);
  const first = steps.find((s) => s.status !== 'succeeded')?.key ?? 'record';
  return transitionTask(
    deps,
    task,
    ['queued', 'running'],
    {
      status: 'running',
      attempts: task.attempts + 1,
      heartbeatAt: now,
      ...(task.startedAt ? {} : { startedAt: now }),
      steps: json(startStep(steps, first, now)),
    },
    { detail: { phase: task.status === 'queued' ? 'started' : 'resumed' } },
    { attempts: task.attempts },
  );
};

export const failTask = async (
  deps: TaskDeps,
  task: TaskRow,
  failure: Pick<TaskFailure, 'reason' | 'params'>,
  extra: { resourceId?: string } = {},
  guard?: { attempts: number },
): Promise<TaskRow | null> => {
  const now = deps.now();
  const steps = stepsOf(task);
  const message = failureMessage(failure);
  return transitionTask(
    deps,
    task,
    ['queued', 'running'],
    {
      status: 'failed',
      finishedAt: now,
      errorReason: failure.reason,
      errorParams: json(failure.params),
      errorMessage: message,
      steps: json(finishStep(steps, currentStep(steps), now, message, 'failed')),
      secretInputEnc: null,
      ...extra,
    },
    undefined,
    guard,
  );
};

/** Write progress (and the heartbeat); throws TaskGone when the task was finished elsewhere. */
export const advanceTask = async (
  deps: TaskDeps,
  task: TaskRow,
  patch: Parameters<typeof transitionTask>[3],
): Promise<TaskRow> => {
  const row = await transitionTask(
    deps,
    task,
    ['running'],
    { heartbeatAt: deps.now(), ...patch },
    undefined,
    { attempts: task.attempts },
  );
  if (!row) throw new TaskGone(task.id);
  return row;
};

/** Step `submit` done with the cloud's operation handle stored; step `wait` begins. */
export const recordOperation = (
  deps: TaskDeps,
  task: TaskRow,
  handle: OperationHandle,
  detail: string,
): Promise<TaskRow> => {
  const now = deps.now();
  return advanceTask(deps, task, {
    operation: json(handle),
    targetExternalId: handle.externalId,
    steps: json(startStep(finishStep(stepsOf(task), 'submit', now, detail), 'wait', now)),
  });
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const operationOf = (task: TaskRow): OperationHandle | null =>
  isObject(task.operation) && typeof task.operation.externalId === 'string'
    ? (task.operation as unknown as OperationHandle)
    : null;

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
  deps: TaskDeps,
  task: TaskRow,
  before?: SubmitMarker['before'],
): Promise<TaskRow> =>
  advanceTask(deps, task, {
    operation: json({
      submitting: true,
      attempt: task.attempts,
      at: deps.now().toISOString(),
      ...(before ? { before } : {}),
    } satisfies SubmitMarker),
  });

export const submitMarkerOf = (task: TaskRow): SubmitMarker | null =>
  isObject(task.operation) && task.operation.submitting === true
    ? (task.operation as unknown as SubmitMarker)
    : null;

/**
 * Look at the operation every followIntervalMs until it settles, writing the heartbeat and
 * the cloud's words each time. A few consecutive transient errors (a tunnel blip) are
 * tolerated; the deadline is counted from the task's start.
 */
export const followUntilSettled = async (
  deps: TaskDeps,
  taskAtStart: TaskRow,
  provider: CloudProvider,
  handle: OperationHandle,
): Promise<{ task: TaskRow; progress: OperationProgress }> => {
  const { followIntervalMs, deadlineMs } = deps.config.tasks.settings;
  const startedAt = (taskAtStart.startedAt ?? deps.now()).getTime();
  let task = taskAtStart;
  let lastDetail = '';
  let failures = 0;
  for (;;) {
    let progress: OperationProgress;
    try {
      progress = await provider.followOperation(handle, { requestId: `task-${task.id}` });
      failures = 0;
    } catch (error) {
      failures += 1;
      if (failures >= 5) throw error;
      await sleep(followIntervalMs);
      continue;
    }
    if (progress.state === 'succeeded') return { task, progress };
    if (progress.state === 'failed')
      throw new TaskFailed(
        { reason: 'cloud_operation_failed', params: { detail: progress.reason } },
        progress.resource,
      );
    if (deps.now().getTime() - startedAt > deadlineMs)
      throw new TaskFailed({
        reason: 'task_timed_out',
        params: { minutes: Math.round(deadlineMs / 60_000), detail: progress.detail },
      });
    task = await advanceTask(
      deps,
      task,
      progress.detail !== lastDetail
        ? { steps: json(noteStep(stepsOf(task), 'wait', progress.detail)) }
        : {},
    );
    lastDetail = progress.detail;
    await sleep(followIntervalMs);
  }
};

/** Steps `wait` and `record` done; the task succeeded. */
export const succeedTask = (
  deps: TaskDeps,
  task: TaskRow,
  result: { resourceId?: string; detail: string; waitDetail: string },
): Promise<TaskRow | null> => {
  const now = deps.now();
  let steps = finishStep(stepsOf(task), 'submit', now);
  steps = finishStep(steps, 'wait', now, result.waitDetail);
  steps = finishStep(steps, 'record', now, result.detail);
  return transitionTask(
    deps,
    task,
    ['running'],
    {
      status: 'succeeded',
      finishedAt: now,
      steps: json(steps),
      secretInputEnc: null,
      ...(result.resourceId ? { resourceId: result.resourceId } : {}),
    },
    undefined,
    { attempts: task.attempts },
  );
};

/**
 * Run one attempt of a task: claim it, do the work, and turn what went wrong into a failure a
 * user can act on. Transient failures are re-thrown so BullMQ retries (same job id) — unless
 * this is the job's last attempt, when the task fails with the reason.
 */
export const runTaskAttempt = async (
  deps: TaskDeps,
  taskId: string,
  attempt: TaskAttempt,
  work: (task: TaskRow) => Promise<TaskRow | null>,
): Promise<{ status: string }> => {
  const claimed = await claimTask(deps, taskId);
  if (!claimed) return { status: 'skipped' };
  try {
    const done = await work(claimed);
    return { status: done?.status ?? 'gone' };
  } catch (error) {
    if (error instanceof TaskGone) return { status: 'gone' };
    const latest = (await findTaskRow(deps.db, taskId)) ?? claimed;
    // Another attempt took the task over: this one stops quietly.
    if (latest.attempts !== claimed.attempts) return { status: 'gone' };
    const guard = { attempts: claimed.attempts };
    if (error instanceof TaskFailed) {
      // A create that failed in the cloud (e.g. no valid host) leaves an ERROR server: mirror it.
      const observed = error.resource
        ? await applyServerObservation(deps, latest.datacenterId, error.resource)
        : null;
      await failTask(
        deps,
        latest,
        error.failure,
        observed ? { resourceId: observed.id } : {},
        guard,
      );
      return { status: 'failed' };
    }
    const failure = describeFailure(error);
    if (failure.retryable && !attempt.finalAttempt) throw error;
    // Final: the last cause, in words (e.g. "datacenter X cannot be reached: …").
    await failTask(deps, latest, failure, {}, guard);
    return { status: 'failed' };
  }
};
