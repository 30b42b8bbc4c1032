import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { generateEd25519KeyPair } from '@yunguan/domain/ssh-key';

describe('generateEd25519KeyPair', () => {
  it('every key of 2,000 parses in ssh2, both halves, and the halves match', () => {
    for (let i = 0; i < 2000; i++) {
      const pair = generateEd25519KeyPair(`k${i}`);
      const pub = ssh2.utils.parseKey(pair.public);
      const priv = ssh2.utils.parseKey(pair.private);
      if (pub instanceof Error) throw pub;
      if (priv instanceof Error) throw priv;
      expect(pub.type).toBe('ssh-ed25519');
      expect(priv.getPublicSSH().equals(pub.getPublicSSH())).toBe(true);
      const data = Buffer.from(`payload ${i}`);
      expect(pub.verify(data, priv.sign(data))).toBe(true);
    }
  });

  it("OpenSSH's ssh-keygen reads the private key and derives the same public line", () => {
    const dir = mkdtempSync(join(tmpdir(), 'yg-key-'));
    const pair = generateEd25519KeyPair('agent@dc');
    const file = join(dir, 'id');
    writeFileSync(file, pair.private, { mode: 0o600 });
    const derived = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim();
    expect(derived.split(' ').slice(0, 2)).toEqual(pair.public.split(' ').slice(0, 2));
  });
});
