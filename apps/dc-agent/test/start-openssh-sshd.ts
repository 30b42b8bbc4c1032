import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ssh2 from 'ssh2';
import { fingerprintOf } from '../src/tunnel/fingerprint-of';
import { freePort } from '@yunguan/testing/tunnel';
import { type Spawned, spawnProcess } from '@yunguan/testing/tunnel';

const script = resolve(import.meta.dirname, '../../../infra/dev/start-sshd.sh');

export type RunningSshd = { port: number; hostKeyFingerprint: string; process: Spawned };

/**
 * Real OpenSSH sshd on loopback via infra/dev/start-sshd.sh, ready when it says so;
 * `extraConfig` is a file appended to its sshd_config.
 */
export const startOpensshSshd = async (
  dir: string,
  authorizedKeys: string,
  extraConfig?: string,
): Promise<RunningSshd> => {
  const port = await freePort();
  const env =
    extraConfig === undefined ? undefined : { ...process.env, SSHD_EXTRA_CONFIG: extraConfig };
  const sshd = spawnProcess('bash', [script, dir, String(port), authorizedKeys], env);
  await sshd.waitForOutput(/Server listening on 127\.0\.0\.1 port/, 10_000);
  const pub = ssh2.utils.parseKey(await readFile(join(dir, 'host_ed25519.pub'), 'utf8'));
  if (pub instanceof Error) throw pub;
  return { port, hostKeyFingerprint: fingerprintOf(pub.getPublicSSH()), process: sshd };
};
