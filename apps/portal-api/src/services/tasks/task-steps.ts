import { renderStepMessage, type StepMessage, type TaskStep } from '@yunguan/contract';

/** What a step says: a message key with parameters (ADR 0121), or plain words (the cloud's). */
export type StepText = string | StepMessage;

/** The step's stored fields: the English sentence, and the message when there is one. */
export const stepFields = (text: StepText): Pick<TaskStep, 'detail' | 'message'> =>
  typeof text === 'string'
    ? { detail: text, message: undefined }
    : { detail: renderStepMessage('en', text) ?? text.key, message: text };

/** The English words of a step text (error parameters, logs). */
export const stepWords = (text: StepText): string => stepFields(text).detail ?? '';

/** Same words (a wait loop writes a new note only when they change). */
export const sameStepText = (a: StepText | null, b: StepText | null) =>
  JSON.stringify(a) === JSON.stringify(b);

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
export const startStep = (steps: TaskStep[], key: string, at: Date, detail?: StepText) =>
  steps.map((s) =>
    s.key === key
      ? {
          ...s,
          status: 'running' as const,
          startedAt: s.startedAt ?? at.toISOString(),
          ...(detail === undefined ? {} : stepFields(detail)),
        }
      : s,
  );

export const noteStep = (steps: TaskStep[], key: string, detail: StepText) =>
  steps.map((s) => (s.key === key ? { ...s, ...stepFields(detail) } : s));

/** Finish a step once: a step that already finished keeps its times and detail. */
export const finishStep = (
  steps: TaskStep[],
  key: string,
  at: Date,
  detail?: StepText,
  status: 'succeeded' | 'failed' = 'succeeded',
) =>
  steps.map((s) =>
    s.key === key && s.finishedAt === null
      ? {
          ...s,
          status,
          startedAt: s.startedAt ?? at.toISOString(),
          finishedAt: at.toISOString(),
          ...(detail === undefined ? {} : stepFields(detail)),
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
