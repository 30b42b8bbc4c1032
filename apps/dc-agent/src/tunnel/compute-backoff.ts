export type BackoffPolicy = { baseMs: number; capMs: number };

export const defaultBackoff: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with "equal jitter"
 * — half the step is fixed, half random — so a fleet of agents does not reconnect in lockstep
 * after a gateway restart, and no delay ever exceeds the cap.
 */
export const computeBackoff = (
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number => {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + random() * (step / 2));
};
