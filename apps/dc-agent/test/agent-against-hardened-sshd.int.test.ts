import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, httpGet, spawnProcess, waitForValue } from '@yunguan/testing/tunnel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAgentConfig } from '../src/config/agent-config-file';
import { generateAgentKey } from '../src/enroll/generate-agent-key';
import { createLogger } from '../src/logger';
import { type RunningAgent, startAgent } from '../src/run/start-agent';
import { type RunningSshd, startOpensshSshd } from './start-openssh-sshd';
import { type Upstream, startUpstream } from './start-upstream';

/**
 * docs/operator-tunnel.md, "stock sshd as the gateway": the hardened Match block and the
 * per-key `restrict,port-forwarding,permitlisten=…` line let our agent forward its own port —
 * and nothing else, also for a stock client holding the same key.
 */
describe('dc-agent against a hardened OpenSSH sshd', () => {
  const user = userInfo().username;
  const secret = randomBytes(32).toString('hex');
  let sshd: RunningSshd;
  let nova: Upstream;
  let agent: RunningAgent;
  let root: string;
  let keyPath: string;
  let port: number;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'yg-hardened-sshd-'));
    const dataDir = join(root, 'agent');
    const key = await generateAgentKey(dataDir, 'agent_ed25519', 'dc-hardened');
    keyPath = key.privateKeyPath;
    port = await freePort();
    await writeFile(
      join(root, 'authorized_keys'),
      `restrict,port-forwarding,permitlisten="127.0.0.1:${port}" ${key.publicKey}\n`,
    );
    await writeFile(
      join(root, 'match.conf'),
      [
        `Match User ${user}`,
        '    AllowTcpForwarding remote',
        '    PermitOpen none',
        '    GatewayPorts no',
        '    AllowAgentForwarding no',
        '    AllowStreamLocalForwarding no',
        '    X11Forwarding no',
        '    PermitTTY no',
        '    PermitTunnel no',
        '    ForceCommand /usr/sbin/nologin',
        '',
      ].join('\n'),
    );
    sshd = await startOpensshSshd(
      join(root, 'sshd'),
      join(root, 'authorized_keys'),
      join(root, 'match.conf'),
    );
    nova = await startUpstream('nova');
    await writeAgentConfig(dataDir, {
      datacenterId: 'dc-hardened',
      gateways: [{ host: '127.0.0.1', port: sshd.port }],
      hostKeyFingerprint: sshd.hostKeyFingerprint,
      port,
      routerSecret: secret,
      sshUser: user,
      portalUrl: 'https://portal.invalid',
      enrolledAt: new Date().toISOString(),
      router: { upstreams: { compute: nova.url } },
    });
    agent = await startAgent({ dataDir, log: createLogger('silent') });
    await waitForValue('agent connected', () =>
      agent.state().state === 'connected' ? true : undefined,
    );
  });

  afterAll(async () => {
    await agent?.stop();
    await sshd?.process.kill();
    await nova?.close();
  });

  const ssh = (args: string[]) =>
    spawnProcess('ssh', [
      ...['-F', '/dev/null', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no'],
      ...['-o', 'UserKnownHostsFile=/dev/null', '-o', 'IdentitiesOnly=yes'],
      ...['-o', 'ExitOnForwardFailure=yes', '-i', keyPath, '-p', String(sshd.port)],
      ...args,
    ]);

  it('forwards the permitted port to the router', async () => {
    const res = await httpGet(`http://127.0.0.1:${port}/compute/v2.1/servers`, {
      'x-yunguan-agent-secret': secret,
    });
    expect(JSON.parse(res.body)).toMatchObject({ upstream: 'nova', path: '/v2.1/servers' });
  });

  it('refuses the same key any other listen port, local forwards and commands', async () => {
    const other = await freePort();
    const remote = ssh(['-N', '-R', `127.0.0.1:${other}:127.0.0.1:9`, `${user}@127.0.0.1`]);
    expect(await remote.exited).not.toBe(0);
    expect(remote.output().stderr).toMatch(/remote port forwarding failed/);

    const local = ssh(['-W', `127.0.0.1:${new URL(nova.url).port}`, `${user}@127.0.0.1`]);
    expect(await local.exited).not.toBe(0);
    expect(local.output().stdout).toBe('');
    expect(local.output().stderr).toMatch(/administratively prohibited|forwarding failed/);

    const exec = ssh([`${user}@127.0.0.1`, 'echo', 'pwned']);
    await exec.exited;
    expect(exec.output().stdout).not.toContain('pwned');

    // the agent's own tunnel is untouched
    expect(agent.state().state).toBe('connected');
    expect((await httpGet(`http://127.0.0.1:${port}/agent/healthz`)).status).toBe(200);
  });
});
