import { createHash } from 'node:crypto';

/** OpenSSH's `SHA256:<base64 without padding>` of a public key blob (wire format). */
export const fingerprintOf = (publicKeyBlob: Buffer): string =>
  `SHA256:${createHash('sha256').update(publicKeyBlob).digest('base64').replace(/=+$/, '')}`;
