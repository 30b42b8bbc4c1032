import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, generateSshKeyPair } from './keypairs-routes';

describe('generateSshKeyPair', () => {
  it('writes an RSA public key in OpenSSH format that matches the PEM private key', () => {
    const { publicKey, privateKey } = generateSshKeyPair('rsa');
    expect(publicKey).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/=]+ Generated-by-Nova$/);
    const blob = Buffer.from(publicKey.split(' ')[1] ?? '', 'base64');
    const fromPem = createPublicKey(privateKey).export({ format: 'jwk' });
    const modulus = Buffer.from(fromPem.n ?? '', 'base64url');
    expect(blob.includes(modulus)).toBe(true);
  });
  it('writes an ed25519 public key with a 32-byte key', () => {
    const { publicKey } = generateSshKeyPair('ed25519');
    const blob = Buffer.from(publicKey.split(' ')[1] ?? '', 'base64');
    // string "ssh-ed25519" (4 + 11 bytes) then string key (4 + 32 bytes)
    expect(blob.length).toBe(4 + 11 + 4 + 32);
    expect(publicKey.startsWith('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5')).toBe(true);
  });
});

describe('fingerprintOf', () => {
  it('is the colon-separated MD5 of the key blob and refuses garbage with a 400', () => {
    const { publicKey } = generateSshKeyPair('ed25519');
    expect(fingerprintOf(publicKey)).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(() => fingerprintOf('not a key')).toThrow(/Keypair data is invalid/);
  });
});
