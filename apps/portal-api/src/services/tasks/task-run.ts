import type { CloudProvider, Scope } from '@yunguan/cloud-core';
import type { TaskPatch, TaskRow } from '../../repositories/task-repository';
import {
  applyResourceGone,
  applyResourceObservation,
} from '../resources/apply-resource-observation';
import { advanceTask, TaskFailed } from './run-task';
import type { StepResult, TaskRun } from './task-definition';
import {
  finishStep,
  noteStep,
  sameStepText,
  startStep,
  stepWords,
  type StepText,
} from './task-steps';
import { stepsOf } from './to-task';
import type { TaskDeps } from './transition-task';

const json = (value: unknown) => value as NonNullable<TaskPatch['steps']>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Step results live on the task's `operation` column: { results: { <step>: <result> } }. */
const resultsOf = (task: TaskRow): Record<string, StepResult> => {
  const op = task.operation as { results?: Record<string, StepResult> } | null;
  return op && typeof op === 'object' && op.results ? op.results : {};
};

/** The tools one attempt of a task works with (see TaskRun); `input` parsed by the caller. */
export const makeTaskRun = <I>(
  deps: TaskDeps,
  claimed: TaskRow,
  provider: CloudProvider,
  scope: Scope,
  input: I,
): TaskRun<I> => {
  let task = claimed;
  const call = { requestId: `task-${claimed.id}` };
  const advance = async (patch: Parameters<typeof advanceTask>[2]) => {
    task = await advanceTask(deps, task, patch);
  };
  const stepStatus = (key: string) => stepsOf(task).find((s) => s.key === key)?.status;

  return {
    deps,
    provider,
    scope,
    task: () => task,
    input,
    call,

    target() {
      const id = task.targetExternalId;
      if (!id) throw new TaskFailed({ reason: 'task_without_target', params: { task: task.id } });
      return id;
    },

    async advance(patch) {
      await advance(patch);
      return task;
    },

    async step(key, fn, options) {
      const stored = resultsOf(task)[key];
      if (stepStatus(key) === 'succeeded' && stored !== undefined) return stored as never;
      // An earlier attempt called the cloud for this step and stopped before recording it.
      const calling = (task.operation as { calling?: string } | null)?.calling;
      if (calling === key && !options?.resend)
        throw new TaskFailed({ reason: 'task_interrupted_mid_call', params: { step: key } });
      const now = deps.now();
      await advance({
        steps: json(startStep(stepsOf(task), key, now)),
        operation: json({ results: resultsOf(task), calling: key }),
      });
      const result = await fn();
      await advance({
        steps: json(finishStep(stepsOf(task), key, deps.now(), options?.detail?.(result))),
        operation: json({ results: { ...resultsOf(task), [key]: result } }),
      });
      return result;
    },

    async waitUntil(key, look, judge) {
      const { followIntervalMs, deadlineMs } = deps.config.tasks.settings;
      const startedAt = (task.startedAt ?? deps.now()).getTime();
      if (stepStatus(key) !== 'running')
        await advance({ steps: json(startStep(stepsOf(task), key, deps.now())) });
      let lastDetail: StepText | null = null;
      let failures = 0;
      for (;;) {
        let seen;
        try {
          seen = await look();
          failures = 0;
        } catch (error) {
          // A tunnel blip: a few in a row are tolerated, then the attempt fails (and retries).
          failures += 1;
          if (failures >= 5) throw error;
          await sleep(followIntervalMs);
          continue;
        }
        const verdict = judge(seen);
        if (verdict.state === 'done') {
          await advance({
            steps: json(finishStep(stepsOf(task), key, deps.now(), verdict.detail)),
          });
          return seen;
        }
        if (verdict.state === 'failed')
          throw new TaskFailed({
            reason: 'cloud_operation_failed',
            params: { detail: verdict.reason },
          });
        if (deps.now().getTime() - startedAt > deadlineMs)
          throw new TaskFailed({
            reason: 'task_timed_out',
            params: { minutes: Math.round(deadlineMs / 60_000), detail: stepWords(verdict.detail) },
          });
        await advance(
          !sameStepText(verdict.detail, lastDetail)
            ? { steps: json(noteStep(stepsOf(task), key, verdict.detail)) }
            : {},
        );
        lastDetail = verdict.detail;
        await sleep(followIntervalMs);
      }
    },

    async setTarget(externalId) {
      if (task.targetExternalId !== externalId) await advance({ targetExternalId: externalId });
    },

    async observe(seen) {
      const id = await applyResourceObservation(deps, task.datacenterId, seen);
      if (task.resourceId !== id && seen.externalId === task.targetExternalId)
        await advance({ resourceId: id });
      return id;
    },

    observeGone: (kind, externalId) => applyResourceGone(deps, task.datacenterId, kind, externalId),
  };
};
