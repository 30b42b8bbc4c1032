import { describe, expect, test } from 'vitest';
import { afterFailedLogin, afterSuccessfulLogin, isLocked } from './lockout';
import type { LockoutState } from './lockout';

const start = new Date('2025-03-01T08:00:00.000Z');
const at = (minutes: number, seconds = 0) =>
  new Date(start.getTime() + minutes * 60_000 + seconds * 1000);
const fresh: LockoutState = { failedLoginCount: 0, lockedUntil: null };

const failTimes = (count: number, state: LockoutState = fresh, now = start): LockoutState => {
  let next = state;
  for (let i = 0; i < count; i += 1) next = afterFailedLogin(next, now);
  return next;
};

describe('lockout', () => {
  test('four failures count but do not lock', () => {
    const state = failTimes(4);
    expect(state).toEqual({ failedLoginCount: 4, lockedUntil: null });
    expect(isLocked(state, start)).toBe(false);
  });

  test('the fifth failure locks for exactly 15 minutes', () => {
    const state = failTimes(5);
    expect(state.failedLoginCount).toBe(5);
    expect(state.lockedUntil?.toISOString()).toBe('2025-03-01T08:15:00.000Z');
    expect(isLocked(state, start)).toBe(true);
  });

  test('still locked at 14:59, unlocked at 15:00:01', () => {
    const state = failTimes(5);
    expect(isLocked(state, at(14, 59))).toBe(true);
    expect(isLocked(state, at(15, 1))).toBe(false);
  });

  test('a failure after the lock expired starts a fresh count at 1', () => {
    const state = afterFailedLogin(failTimes(5), at(15, 1));
    expect(state).toEqual({ failedLoginCount: 1, lockedUntil: null });
    expect(isLocked(state, at(15, 1))).toBe(false);
  });

  test('five failures after an expired lock lock again', () => {
    const state = failTimes(5, failTimes(5), at(20));
    expect(state.lockedUntil?.toISOString()).toBe('2025-03-01T08:35:00.000Z');
  });

  test('a successful login resets the count and the lock', () => {
    expect(afterSuccessfulLogin()).toEqual({ failedLoginCount: 0, lockedUntil: null });
    // Four failures, a success, four more failures: the count restarted, so still not locked.
    expect(failTimes(4)).toMatchObject({ failedLoginCount: 4 });
    const state = failTimes(4, afterSuccessfulLogin(), at(1));
    expect(state).toEqual({ failedLoginCount: 4, lockedUntil: null });
    expect(isLocked(state, at(1))).toBe(false);
  });

  test('a user who never failed is not locked', () => {
    expect(isLocked(fresh, start)).toBe(false);
  });
});
