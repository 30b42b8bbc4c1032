import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TunnelKeys } from '@yunguan/contract';
import type { Redis } from 'ioredis';
import { generateEd25519KeyPair } from '@yunguan/domain/ssh-key';
import ssh2 from 'ssh2';
import { fingerprintOf } from '../src/ssh/fingerprint-of';

export type AgentKeyFixture = { privateKeyPath: string; publicKey: string; fingerprint: string };

/** A fresh ed25519 key on disk (OpenSSH format, 0600), as `ssh -i` wants it. */
export const createAgentKey = async (dir: string, name: string): Promise<AgentKeyFixture> => {
  const pair = generateEd25519KeyPair(name);
  const privateKeyPath = join(dir, name);
  await writeFile(privateKeyPath, pair.private, { mode: 0o600 });
  await chmod(privateKeyPath, 0o600);
  await writeFile(`${privateKeyPath}.pub`, `${pair.public}\n`);
  const parsed = ssh2.utils.parseKey(pair.public);
  if (parsed instanceof Error) throw parsed;
  return {
    privateKeyPath,
    publicKey: pair.public,
    fingerprint: fingerprintOf(parsed.getPublicSSH()),
  };
};

/** What portal-api does at enrollment: authorise the key for a datacenter and port. */
export const authoriseAgentKey = async (
  redis: Redis,
  keys: TunnelKeys,
  fingerprint: string,
  record: { datacenterId: string; port: number; revoked?: boolean },
): Promise<void> => {
  await redis.set(keys.agentKey(fingerprint), JSON.stringify({ revoked: false, ...record }));
};
