export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type LockoutState = { failedLoginCount: number; lockedUntil: Date | null };

export const isLocked = (state: LockoutState, now: Date): boolean =>
  state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();

/** State after one more failed login. A lock that has expired starts a fresh count. */
export const afterFailedLogin = (state: LockoutState, now: Date): LockoutState => {
  const expired = state.lockedUntil !== null && !isLocked(state, now);
  const failedLoginCount = (expired ? 0 : state.failedLoginCount) + 1;
  const lockedUntil =
    failedLoginCount >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS) : null;
  return { failedLoginCount, lockedUntil };
};

export const afterSuccessfulLogin = (): LockoutState => ({
  failedLoginCount: 0,
  lockedUntil: null,
});
