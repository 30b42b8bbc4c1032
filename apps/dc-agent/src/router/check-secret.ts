import { createHash, timingSafeEqual } from 'node:crypto';

export const secretHeader = 'x-yunguan-agent-secret';

/** Constant-time comparison of the secret header (hashing first evens out the lengths). */
export const hasValidSecret = (value: string | string[] | undefined, secret: string): boolean => {
  if (typeof value !== 'string') return false;
  const given = createHash('sha256').update(value).digest();
  const expected = createHash('sha256').update(secret).digest();
  return timingSafeEqual(given, expected);
};
