import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export const safeEqualHex = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

/** API tokens look like `ygt_<43 chars>`; the first 8 characters after the prefix are shown. */
export const API_TOKEN_PREFIX = 'ygt_';
export const newApiToken = () => {
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 8), hash: sha256(token) };
};
