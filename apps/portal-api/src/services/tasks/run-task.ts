import { findTaskRow, type TaskPatch, type TaskRow } from '../../repositories/task-repository';
import { describeFailure, failureMessage, type TaskFailure } from './describe-failure';
import { currentStep, finishStep, startStep, type StepText } from './task-steps';
import { stepsOf } from './to-task';
import { transitionTask, type TaskDeps } from './transition-task';

/** A failure the task code decided on (not retried). */
export class TaskFailed extends Error {
  constructor(
    readonly failure: Pick<TaskFailure, 'reason' | 'params'>,
    /** The mirror row the failed task is about (a create the cloud left in ERROR). */
    readonly resourceId?: string,
  ) {
    super(failure.reason);
    this.name = 'TaskFailed';
  }
}

/** The task was finished elsewhere (reconciled, given up) while this attempt ran. */
class TaskGone extends Error {}

export type TaskAttempt = { finalAttempt: boolean };

const json = (value: unknown) => value as NonNullable<TaskPatch['steps']>;

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

/** Steps `wait` and `record` done; the task succeeded. */
export const succeedTask = (
  deps: TaskDeps,
  task: TaskRow,
  result: { resourceId?: string; detail: StepText; waitDetail: StepText },
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
      await failTask(
        deps,
        latest,
        error.failure,
        error.resourceId ? { resourceId: error.resourceId } : {},
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
