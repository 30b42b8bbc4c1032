import { stepMessage as m, type ResourceKind, type TaskAction } from '@yunguan/contract';
import type { z } from 'zod';
import { defineTask, noInput, type Judgement, type TaskRun } from './task-definition';
import type { StepText } from './task-steps';

/** How a delete follows the object until it is gone: one look (null = gone) and its judge. */
export type GoneWatch<T> = {
  look: () => Promise<T | null>;
  judge: (seen: T | null) => Judgement;
};

type DeleteSpec<S extends z.ZodType, T> = {
  action: TaskAction;
  /** The mirror kind marked deleted once the cloud no longer has it. */
  kind: ResourceKind;
  /** Default: no stored input. */
  input?: S;
  /** The idempotent cloud delete (it may be resent after an interrupted attempt). */
  submit(rt: TaskRun<z.output<S>>, id: string): Promise<unknown>;
  /** Detail of the submit step (a message key). */
  submitted?: StepText;
  /** Clouds that delete asynchronously: wait until gone. Without it: submit → record. */
  until?(rt: TaskRun<z.output<S>>, id: string): GoneWatch<T>;
  /** Objects the delete changed or took with it, written to the mirror after it. */
  after?(rt: TaskRun<z.output<S>>, id: string): Promise<void>;
  /** The result's words; default "<kind> <name> deleted". */
  done?: (name: string) => StepText;
};

/**
 * One shape for every delete task: submit (idempotent, resent after a crash) → wait until gone
 * (where the cloud deletes asynchronously) → mark the mirror row deleted → neighbours.
 */
export const defineDeleteTask = <S extends z.ZodType = typeof noInput, T = unknown>(
  spec: DeleteSpec<S, T>,
) =>
  defineTask({
    action: spec.action,
    input: (spec.input ?? noInput) as S,
    steps: spec.until ? ['submit', 'wait', 'record'] : ['submit', 'record'],
    async run(rt: TaskRun<z.output<S>>) {
      const id = rt.target();
      const submitted = spec.submitted;
      await rt.step(
        'submit',
        async () => {
          await spec.submit(rt, id);
          return null;
        },
        { resend: true, ...(submitted ? { detail: () => submitted } : {}) },
      );
      if (spec.until) {
        const watch = spec.until(rt, id);
        await rt.waitUntil('wait', watch.look, watch.judge);
      }
      await rt.observeGone(spec.kind, id);
      await spec.after?.(rt, id);
      const name = rt.task().targetName ?? id;
      return { detail: spec.done ? spec.done(name) : m('deleted', { kind: spec.kind, name }) };
    },
  });
