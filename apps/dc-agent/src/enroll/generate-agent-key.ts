import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateEd25519KeyPair } from '@yunguan/domain/ssh-key';

/**
 * A new ed25519 key pair, generated here: the private key never leaves the datacenter.
 * Written in OpenSSH format (mode 0600) so an operator can use it with `ssh -i` too.
 */
export const generateAgentKey = async (
  dataDir: string,
  keyFile: string,
  comment: string,
): Promise<{ publicKey: string; privateKeyPath: string }> => {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const pair = generateEd25519KeyPair(comment);
  const privateKeyPath = join(dataDir, keyFile);
  await writeFile(privateKeyPath, pair.private, { mode: 0o600 });
  await chmod(privateKeyPath, 0o600);
  await writeFile(`${privateKeyPath}.pub`, `${pair.public}\n`, { mode: 0o644 });
  return { publicKey: pair.public, privateKeyPath };
};
