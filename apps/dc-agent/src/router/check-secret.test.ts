import { describe, expect, it } from 'vitest';
import { hasValidSecret } from './check-secret';

describe('hasValidSecret', () => {
  const secret = 's3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t';
  it('accepts the exact secret only', () => {
    expect(hasValidSecret(secret, secret)).toBe(true);
    expect(hasValidSecret(`${secret}x`, secret)).toBe(false);
    expect(hasValidSecret(secret.slice(1), secret)).toBe(false);
    expect(hasValidSecret('', secret)).toBe(false);
  });
  it('refuses a missing or repeated header', () => {
    expect(hasValidSecret(undefined, secret)).toBe(false);
    expect(hasValidSecret([secret, secret], secret)).toBe(false);
  });
});
