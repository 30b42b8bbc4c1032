import type { TaskStep } from '@yunguan/contract';

/** The steps every task shows, in order. */
export const taskStepKeys = ['submit', 'wait', 'record'] as const;
export type TaskStepKey = (typeof taskStepKeys)[number];

/** Storage and network tasks may name their own steps (e.g. the network quick start). */
export const initialSteps = (keys: readonly string[] = taskStepKeys): TaskStep[] =>
  keys.map((key) => ({
    key,
    status: 'pending',
    startedAt: null,
    finishedAt: null,
    detail: null,
  }));

/** Pure step updates: start, note, finish and fail keep earlier timestamps. */
export const startStep = (steps: TaskStep[], key: string, at: Date, detail?: string) =>
  steps.map((s) =>
    s.key === key
      ? {
          ...s,
          status: 'running' as const,
          startedAt: s.startedAt ?? at.toISOString(),
          detail: detail ?? s.detail,
        }
      : s,
  );

export const noteStep = (steps: TaskStep[], key: string, detail: string) =>
  steps.map((s) => (s.key === key ? { ...s, detail } : s));

/** Finish a step once: a step that already finished keeps its times and detail. */
export const finishStep = (
  steps: TaskStep[],
  key: string,
  at: Date,
  detail?: string,
  status: 'succeeded' | 'failed' = 'succeeded',
) =>
  steps.map((s) =>
    s.key === key && s.finishedAt === null
      ? {
          ...s,
          status,
          startedAt: s.startedAt ?? at.toISOString(),
          finishedAt: at.toISOString(),
          detail: detail ?? s.detail,
        }
      : s,
  );

/** The step that is running (or the first pending one) — where a failure is recorded. */
export const currentStep = (steps: TaskStep[]): string =>
  steps.find((s) => s.status === 'running')?.key ??
  steps.find((s) => s.status === 'pending')?.key ??
  'record';

export const isStepDone = (steps: TaskStep[], key: string) =>
  steps.some((s) => s.key === key && s.status === 'succeeded');
