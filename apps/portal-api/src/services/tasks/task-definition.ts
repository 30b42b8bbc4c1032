import type { CloudProvider, Scope } from '@yunguan/cloud-core';
import type { ResourceKind, TaskAction } from '@yunguan/contract';
import { z } from 'zod';
import type { TaskPatch, TaskRow } from '../../repositories/task-repository';
import type { StepText } from './task-steps';
import type { TaskDeps } from './transition-task';

/** What a wait loop's judge says about one look at the cloud. */
export type Judgement =
  | { state: 'done'; detail: StepText }
  | { state: 'pending'; detail: StepText }
  /** The cloud says it failed: a sentence a user can act on (the cloud's words). */
  | { state: 'failed'; reason: string };

/** JSON a step may return (kept on the task so a resumed attempt does not call twice). */
export type StepResult =
  null | boolean | number | string | StepResult[] | { [key: string]: StepResult };

/** An object the task saw, to be written to the mirror at once. */
export type Observation = {
  kind: ResourceKind;
  externalId: string;
  name: string;
  status: string;
  projectExternalId: string;
  /** The cloud-core DTO as it was seen (the mirror's spec). */
  spec: object;
};

/** What a task's target is: a server or one of the storage/network kinds. */
export type TaskTargetType = ResourceKind | 'server';

/** The kind of an action's target: the part before the dot (`volume.attach` → volume). */
export const kindOfAction = (action: TaskAction): TaskTargetType =>
  action.slice(0, action.indexOf('.')) as TaskTargetType;

/** What one attempt of a task's code gets: the cloud, its project, the input and the step tools. */
export type TaskRun<I = Record<string, unknown>> = {
  readonly deps: TaskDeps;
  readonly provider: CloudProvider;
  readonly scope: Scope;
  /** The task as it is now (steps, target). */
  task(): TaskRow;
  /** The stored input, parsed by the definition's schema before any cloud was called. */
  readonly input: I;
  /** Per-call options: the task's request id. */
  readonly call: { requestId: string };
  /** The cloud object the task is about; a task queued without one fails (task_without_target). */
  target(): string;
  /**
   * Run one step once. A step that finished on an earlier attempt returns its stored result
   * without calling again. A step an earlier attempt started but never finished is run again
   * only with `resend: true` (idempotent calls such as deletes and gets); otherwise the task
   * fails with `task_interrupted_mid_call` rather than risk doing it twice.
   */
  step<T extends StepResult>(
    key: string,
    fn: () => Promise<T>,
    options?: { resend?: boolean; detail?: (result: T) => StepText },
  ): Promise<T>;
  /** Look at the cloud every followIntervalMs until the judge says done (or failed/timeout). */
  waitUntil<T>(key: string, look: () => Promise<T>, judge: (seen: T) => Judgement): Promise<T>;
  /** Write progress to the task row (compare-and-set on the attempt) and keep the new row. */
  advance(patch: TaskPatch): Promise<TaskRow>;
  /** Name the cloud object the task is about, once known (a create's new id). */
  setTarget(externalId: string): Promise<void>;
  /** Write what was seen to the mirror; returns the mirror row id. */
  observe(seen: Observation): Promise<string>;
  /** The object is gone from the cloud: mark its mirror row deleted. */
  observeGone(kind: ResourceKind, externalId: string): Promise<void>;
};

export type TaskResult = {
  /** Words for the `record` step, e.g. "volume data-1 is available (20 GB)" (a message key). */
  detail: StepText;
  /** The mirror row the task is about (a create's new row). */
  resourceId?: string;
  /** Words for the `wait` step when the code followed an operation handle itself. */
  waitDetail?: StepText;
};

/**
 * One task action (`server.create`, `volume.attach`, `network.quick-start`, …): the one place
 * that says what its stored input is, which steps it shows and what the worker does. The
 * service verb that queues it (`prepare`: permission, validation, cloud look-ups, quota demand)
 * builds the input this schema checks when the task is queued and again in the worker.
 */
export type TaskDefinition<I = Record<string, unknown>> = {
  action: TaskAction;
  /** The stored input's schema: checked when queued and by the worker before any cloud call. */
  input: z.ZodType<I>;
  /** The steps shown, in order; default submit → wait → record. Must end with `record`. */
  steps?: readonly string[];
  run(rt: TaskRun<I>): Promise<TaskResult>;
};

/** For actions whose code reads nothing from the stored input (deletes, …). */
export const noInput = z.looseObject({});

/** Typed at the definition, erased in the registry (the worker parses the input first). */
export const defineTask = <S extends z.ZodType>(definition: {
  action: TaskAction;
  input: S;
  steps?: readonly string[];
  run(rt: TaskRun<z.output<S>>): Promise<TaskResult>;
}): TaskDefinition<z.output<S>> => definition as TaskDefinition<z.output<S>>;
