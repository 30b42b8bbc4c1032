import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateEd25519KeyPair } from '@yunguan/domain/ssh-key';
import ssh2 from 'ssh2';
import { fingerprintOf } from '../ssh/fingerprint-of';

export type HostKey = { privateKey: string; fingerprint: string };

/** Read `<dataDir>/host_ed25519`, generating it (mode 0600) on first start. */
export const loadHostKey = async (dataDir: string): Promise<HostKey & { created: boolean }> => {
  const path = join(dataDir, 'host_ed25519');
  let created = false;
  if (!existsSync(path)) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const pair = generateEd25519KeyPair('yunguan-tunnel-gateway');
    await writeFile(path, pair.private, { mode: 0o600, flag: 'wx' });
    await writeFile(`${path}.pub`, `${pair.public}\n`, { mode: 0o644 });
    created = true;
  }
  await chmod(path, 0o600);
  const privateKey = await readFile(path, 'utf8');
  const parsed = ssh2.utils.parseKey(privateKey);
  if (parsed instanceof Error) throw new Error(`unreadable host key ${path}: ${parsed.message}`);
  return { privateKey, fingerprint: fingerprintOf(parsed.getPublicSSH()), created };
};
