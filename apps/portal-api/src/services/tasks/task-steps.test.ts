import { describe, expect, test } from 'vitest';
import {
  currentStep,
  finishStep,
  initialSteps,
  isStepDone,
  noteStep,
  startStep,
} from './task-steps';

const t1 = new Date('2026-01-01T00:00:01Z');
const t2 = new Date('2026-01-01T00:00:02Z');

describe('task steps', () => {
  test('start keeps the first start time, finish stamps the end', () => {
    let steps = startStep(initialSteps(), 'submit', t1);
    steps = startStep(steps, 'submit', t2, 'again');
    expect(steps[0]).toMatchObject({
      status: 'running',
      startedAt: t1.toISOString(),
      detail: 'again',
    });
    steps = finishStep(steps, 'submit', t2, 'accepted');
    expect(steps[0]).toMatchObject({
      status: 'succeeded',
      startedAt: t1.toISOString(),
      finishedAt: t2.toISOString(),
      detail: 'accepted',
    });
    expect(isStepDone(steps, 'submit')).toBe(true);
  });

  test('a failure lands on the running step, else the first pending one', () => {
    const running = startStep(finishStep(initialSteps(), 'submit', t1), 'wait', t1);
    expect(currentStep(running)).toBe('wait');
    expect(currentStep(initialSteps())).toBe('submit');
    const failed = finishStep(running, 'wait', t2, 'No valid host was found.', 'failed');
    expect(failed[1]).toMatchObject({ status: 'failed', detail: 'No valid host was found.' });
    expect(noteStep(failed, 'record', 'x')[2]?.detail).toBe('x');
  });

  test('finishing a finished step again keeps its times and detail', () => {
    const t3 = new Date(t2.getTime() + 10_000);
    const once = finishStep(startStep(initialSteps(), 'submit', t1), 'submit', t2, 'accepted');
    const twice = finishStep(once, 'submit', t3, 'again');
    expect(twice[0]).toEqual(once[0]);
  });
});
