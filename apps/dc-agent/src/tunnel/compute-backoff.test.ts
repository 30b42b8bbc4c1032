import { describe, expect, it } from 'vitest';
import { computeBackoff } from './compute-backoff';

describe('computeBackoff', () => {
  const policy = { baseMs: 500, capMs: 30_000 };

  it('grows exponentially from the base', () => {
    expect(computeBackoff(0, policy, () => 1)).toBe(500);
    expect(computeBackoff(1, policy, () => 1)).toBe(1000);
    expect(computeBackoff(3, policy, () => 1)).toBe(4000);
  });

  it('never exceeds the 30 s cap, however many attempts failed', () => {
    for (const attempt of [6, 7, 20, 100, 10_000]) {
      expect(computeBackoff(attempt, policy, () => 1)).toBe(30_000);
    }
  });

  it('jitters between half and all of the step', () => {
    expect(computeBackoff(4, policy, () => 0)).toBe(4000);
    expect(computeBackoff(4, policy, () => 0.5)).toBe(6000);
    expect(computeBackoff(10, policy, () => 0)).toBe(15_000);
    const samples = Array.from({ length: 200 }, () => computeBackoff(10, policy));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(15_000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(30_000);
    expect(new Set(samples).size).toBeGreaterThan(10);
  });
});
