import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, httpGet } from '@yunguan/testing/tunnel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgentConfig, writeAgentConfig } from '../src/config/agent-config-file';
import { generateAgentKey } from '../src/enroll/generate-agent-key';
import { createLogger } from '../src/logger';
import { startAgent } from '../src/run/start-agent';
import { type RunningSshd, startOpensshSshd } from './start-openssh-sshd';

/** `stop` must end the agent promptly whatever the tunnel is doing — also mid-handshake. */
describe('dc-agent stop while connecting', () => {
  let sshd: RunningSshd;
  let blackHole: Server;
  let root: string;
  const log = createLogger('silent');

  /** A data directory whose key sshd accepts. */
  const dataDirFor = async (name: string, gateway: { port: number }, fingerprint: string) => {
    const dataDir = join(root, name);
    await writeAgentConfig(dataDir, {
      datacenterId: `dc-${name}`,
      gateways: [{ host: '127.0.0.1', port: gateway.port }],
      hostKeyFingerprint: fingerprint,
      port: await freePort(),
      routerSecret: randomBytes(32).toString('hex'),
      sshUser: userInfo().username,
      portalUrl: 'https://portal.invalid',
      enrolledAt: new Date().toISOString(),
    });
    return dataDir;
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'yg-agent-stop-'));
    const keys = await Promise.all(
      ['silent-gateway', 'quick-stop'].map((name) =>
        generateAgentKey(join(root, name), 'agent_ed25519', name),
      ),
    );
    await writeFile(join(root, 'authorized_keys'), keys.map((k) => `${k.publicKey}\n`).join(''));
    sshd = await startOpensshSshd(join(root, 'sshd'), join(root, 'authorized_keys'));
    // Accepts TCP and never speaks: an SSH handshake that would wait for readyTimeout (20 s).
    blackHole = createServer(() => undefined);
    await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', r));
  });

  afterAll(async () => {
    await sshd?.process.kill();
    blackHole?.close();
  });

  it('stops within a second while the gateway has not answered the handshake', async () => {
    const port = (blackHole.address() as AddressInfo).port;
    const agent = await startAgent({
      dataDir: await dataDirFor('silent-gateway', { port }, sshd.hostKeyFingerprint),
      log,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(agent.state().state).toBe('connecting');
    const started = Date.now();
    await agent.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops at once when stop comes right after start (handshake in flight)', async () => {
    const dataDir = await dataDirFor('quick-stop', sshd, sshd.hostKeyFingerprint);
    const { port } = await readAgentConfig(dataDir);
    const agent = await startAgent({ dataDir, log });
    const started = Date.now();
    await agent.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(agent.state().state).toBe('stopped');
    // and the forward it may have opened is gone with it
    await expect(httpGet(`http://127.0.0.1:${port}/agent/healthz`)).rejects.toThrow();
  });
});
