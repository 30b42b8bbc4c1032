import { createHash } from 'node:crypto';
import { DomainError } from '@yunguan/domain';
import ssh2, { type ParsedKey } from 'ssh2';

/** OpenSSH's SHA256 fingerprint (`ssh-keygen -lf`) of an ssh-ed25519 public key line. */
export const fingerprintOfPublicKey = (line: string): string => {
  const key: ParsedKey | Error = ssh2.utils.parseKey(line);
  if (key instanceof Error || key.type !== 'ssh-ed25519') {
    throw new DomainError('VALIDATION', 'invalid public key', {
      reason: 'invalid_public_key',
      issues: [{ path: 'body.publicKey', message: 'an ssh-ed25519 public key' }],
    });
  }
  const digest = createHash('sha256')
    .update(key.getPublicSSH())
    .digest('base64')
    .replace(/=+$/, '');
  return `SHA256:${digest}`;
};
