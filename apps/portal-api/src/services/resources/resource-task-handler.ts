import type { CloudProvider, Scope } from '@yunguan/cloud-core';
import type { ResourceKind, ResourceTaskAction } from '@yunguan/contract';
import type { TaskRow } from '../../repositories/task-repository';
import type { TaskDeps } from '../tasks/transition-task';

/** What a wait loop's judge says about one look at the cloud. */
export type Judgement =
  | { state: 'done'; detail: string }
  | { state: 'pending'; detail: string }
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

/** What a storage/network task's code gets: the cloud, its project, and the step tools. */
export type ResourceTaskRun = {
  readonly deps: TaskDeps;
  readonly provider: CloudProvider;
  readonly scope: Scope;
  /** The task as it is now (steps, target). */
  task(): TaskRow;
  /** The stored input of the request (validated by the contract when it was queued). */
  readonly input: Record<string, unknown>;
  /** Per-call options: the task's request id. */
  readonly call: { requestId: string };
  /**
   * Run one step once. A step that finished on an earlier attempt returns its stored result
   * without calling again. A step an earlier attempt started but never finished is run again
   * only with `resend: true` (idempotent calls such as deletes and gets); otherwise the task
   * fails with `task_interrupted_mid_call` rather than risk doing it twice.
   */
  step<T extends StepResult>(
    key: string,
    fn: () => Promise<T>,
    options?: { resend?: boolean; detail?: (result: T) => string },
  ): Promise<T>;
  /** Look at the cloud every followIntervalMs until the judge says done (or failed/timeout). */
  waitUntil<T>(key: string, look: () => Promise<T>, judge: (seen: T) => Judgement): Promise<T>;
  /** Name the cloud object the task is about, once known (a create's new id). */
  setTarget(externalId: string): Promise<void>;
  /** Write what was seen to the mirror; returns the mirror row id. */
  observe(seen: Observation): Promise<string>;
  /** The object is gone from the cloud: mark its mirror row deleted. */
  observeGone(kind: ResourceKind, externalId: string): Promise<void>;
};

export type ResourceTaskResult = {
  /** Words for the `record` step, e.g. "volume data-1 is available (20 GB)". */
  detail: string;
  /** The mirror row the task is about (a create's new row). */
  resourceId?: string;
};

/** The code of one task action (`volume.create`, `network.quick-start`, …). */
export type ResourceTaskHandler = {
  action: ResourceTaskAction;
  /** The steps shown, in order; default submit → wait → record. Must end with `record`. */
  steps?: readonly string[];
  run(rt: ResourceTaskRun): Promise<ResourceTaskResult>;
};
