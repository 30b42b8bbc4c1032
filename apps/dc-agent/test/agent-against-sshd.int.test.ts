import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAgentConfig } from '../src/config/agent-config-file';
import { generateAgentKey } from '../src/enroll/generate-agent-key';
import { createLogger } from '../src/logger';
import { type RunningAgent, startAgent } from '../src/run/start-agent';
import { freePort } from '@yunguan/testing/tunnel';
import { httpGet } from '@yunguan/testing/tunnel';
import { type RunningSshd, startOpensshSshd } from './start-openssh-sshd';
import { type Upstream, startUpstream } from './start-upstream';
import { waitForValue } from '@yunguan/testing/tunnel';

/** The dc-agent speaks standard SSH: real OpenSSH sshd plays the gateway. */
describe('dc-agent against OpenSSH sshd', () => {
  let sshd: RunningSshd;
  let upstream: Upstream;
  let agent: RunningAgent | null = null;
  let root: string;
  let publicKey: string;
  const secret = randomBytes(32).toString('hex');
  const log = createLogger('silent');

  const prepareDataDir = async (name: string, hostKeyFingerprint: string, port: number) => {
    const dataDir = join(root, name);
    await writeAgentConfig(dataDir, {
      datacenterId: `dc-${name}`,
      gateways: [{ host: '127.0.0.1', port: sshd.port }],
      hostKeyFingerprint,
      port,
      routerSecret: secret,
      sshUser: userInfo().username,
      portalUrl: 'https://portal.invalid',
      enrolledAt: new Date().toISOString(),
      router: { upstreams: { compute: upstream.url } },
    });
    return dataDir;
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'yg-agent-sshd-'));
    ({ publicKey } = await generateAgentKey(join(root, 'good'), 'agent_ed25519', 'test-agent'));
    await generateAgentKey(join(root, 'mismatch'), 'agent_ed25519', 'test-agent-2');
    const authorizedKeys = join(root, 'authorized_keys');
    const second = await readFile(join(root, 'mismatch', 'agent_ed25519.pub'), 'utf8');
    await writeFile(authorizedKeys, `${publicKey}\n${second}`);
    sshd = await startOpensshSshd(join(root, 'sshd'), authorizedKeys);
    upstream = await startUpstream('nova');
  });

  afterAll(async () => {
    await agent?.stop();
    await sshd?.process.kill();
    await upstream?.close();
  });

  it('forwards its port through sshd, and the router answers through it', async () => {
    const port = await freePort();
    const dataDir = await prepareDataDir('good', sshd.hostKeyFingerprint, port);
    agent = await startAgent({ dataDir, log });
    await waitForValue('agent connected', () =>
      agent?.state().state === 'connected' ? true : undefined,
    );

    const health = await httpGet(`http://127.0.0.1:${port}/agent/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });

    const refused = await httpGet(`http://127.0.0.1:${port}/compute/v2.1/servers`);
    expect(refused.status).toBe(401);

    const res = await httpGet(`http://127.0.0.1:${port}/compute/v2.1/servers?all_tenants=1`, {
      'x-yunguan-agent-secret': secret,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({
      upstream: 'nova',
      path: '/v2.1/servers?all_tenants=1',
    });
    // the secret never reaches the upstream
    expect(upstream.seenHeaders().at(-1)?.['x-yunguan-agent-secret']).toBeUndefined();

    const info = await httpGet(`http://127.0.0.1:${port}/agent/info`, {
      'x-yunguan-agent-secret': secret,
    });
    expect(JSON.parse(info.body)).toMatchObject({ version: '0.1.0', datacenterId: 'dc-good' });

    await agent.stop();
    agent = null;
    await waitForValue('port closed by sshd', () =>
      httpGet(`http://127.0.0.1:${port}/agent/healthz`).then(
        () => undefined,
        () => true,
      ),
    );
  });

  it('refuses a gateway whose host key is not the pinned one', async () => {
    const port = await freePort();
    const wrong = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const dataDir = await prepareDataDir('mismatch', wrong, port);
    agent = await startAgent({ dataDir, log });
    const state = await waitForValue('connect attempt refused', () =>
      agent?.state().state === 'waiting' ? agent.state() : undefined,
    );
    expect(state.lastError).toMatch(/host key .* does not match the pinned/);
    expect(state.lastError).toContain(sshd.hostKeyFingerprint);
    await expect(httpGet(`http://127.0.0.1:${port}/agent/healthz`)).rejects.toThrow(/ECONNREFUSED/);
    await agent.stop();
    agent = null;
  });
});
