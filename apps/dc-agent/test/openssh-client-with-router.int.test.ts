import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tunnelHealthSchema } from '@yunguan/contract';
import {
  type RedisTestScope,
  type Spawned,
  httpGet,
  spawnProcess,
  waitForValue,
} from '@yunguan/testing/tunnel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentConfigSchema } from '../src/config/agent-config';
import { createLogger } from '../src/logger';
import { type RunningAgent, startAgent } from '../src/run/start-agent';
import { type GatewayFixture, agentBin, run, startGatewayFixture } from './gateway-fixture';
import { type Upstream } from './start-upstream';

/**
 * docs/operator-tunnel.md, "stock OpenSSH instead of our agent", step by step: enroll with the
 * CLI, pin the gateway key in known_hosts with ssh-keyscan, run the agent as router only
 * (dialTunnel: false), and let `ssh -N -R` keep the tunnel.
 */
describe('stock OpenSSH keeps the tunnel, the agent only routes', () => {
  let fx: GatewayFixture;
  let scope: RedisTestScope;
  let enroll: GatewayFixture['enroll'];
  let nova: Upstream;
  let agent: RunningAgent | null = null;
  let ssh: Spawned | null = null;
  let root: string;
  let dataDir: string;
  const dc = 'dc-openssh-router';
  const token = 'operator-token-0123456789abcdef';

  const health = async () => {
    const raw = await scope.redis.get(scope.keys.tunnelHealth(dc));
    return raw === null ? undefined : tunnelHealthSchema.parse(JSON.parse(raw));
  };

  beforeAll(async () => {
    fx = await startGatewayFixture({
      tmpPrefix: 'yg-openssh-router-',
      gatewayId: 'gw-openssh',
      datacenterId: dc,
      token,
    });
    ({ scope, enroll, nova, root, dataDir } = fx);
  });

  afterAll(async () => {
    await ssh?.kill();
    await agent?.stop();
    await fx?.close();
  });

  it('carries the portal to the router through `ssh -N -R` with the enrolled key and a pinned host key', async () => {
    await run(process.execPath, [
      ...[agentBin, 'enroll', '--portal', enroll.url, '--token', token],
      ...['--data-dir', dataDir],
    ]);
    const configPath = join(dataDir, 'agent.json');
    const config = agentConfigSchema.parse(JSON.parse(await readFile(configPath, 'utf8')));
    config.dialTunnel = false;
    config.router.tunnelListen = { host: '127.0.0.1', port: 0 };
    config.router.upstreams = { compute: nova.url };
    await writeFile(configPath, JSON.stringify(config));
    agent = await startAgent({ dataDir, log: createLogger('silent') });
    expect(agent.state().state).toBe('external');
    const routerPort = agent.tunnelPort!;

    // Pin the gateway's host key: ssh-keyscan, then compare with the enrolled fingerprint.
    const gw = config.gateways[0]!;
    const { stdout: scanned } = await run('ssh-keyscan', [
      ...['-t', 'ed25519', '-p', String(gw.port), gw.host],
    ]);
    const knownHosts = join(root, 'known_hosts');
    await writeFile(knownHosts, scanned);
    const { stdout: listed } = await run('ssh-keygen', ['-lf', knownHosts]);
    expect(listed).toContain(config.hostKeyFingerprint);

    ssh = spawnProcess('ssh', [
      ...['-N', '-T', '-F', '/dev/null', '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes'],
      ...['-o', 'ExitOnForwardFailure=yes', '-o', 'ServerAliveInterval=15'],
      ...['-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts}`],
      ...['-i', join(dataDir, config.keyFile), '-p', String(gw.port)],
      ...['-R', `127.0.0.1:${config.port}:127.0.0.1:${routerPort}`],
      `${config.sshUser}@${gw.host}`,
    ]);
    const online = await waitForValue('datacenter online', async () => {
      const h = await health();
      return h?.state === 'online' ? h : undefined;
    });
    expect(online.gatewayId).toBe('gw-openssh');

    const base = `http://127.0.0.1:${config.port}`;
    const res = await httpGet(`${base}/compute/v2.1/servers`, {
      'x-yunguan-agent-secret': config.routerSecret,
    });
    expect(JSON.parse(res.body)).toMatchObject({ upstream: 'nova', path: '/v2.1/servers' });
    expect((await httpGet(`${base}/compute/v2.1/servers`)).status).toBe(401);

    const status = await run(process.execPath, [agentBin, 'status', '--data-dir', dataDir]);
    expect(status.stdout).toMatch(/tunnel\s+external \(stock OpenSSH\)/);

    await ssh.kill();
    ssh = null;
    await waitForValue('datacenter offline', async () =>
      (await health())?.state === 'offline' ? true : undefined,
    );
  });

  it('refuses to start as router only without a tunnel listener', async () => {
    const configPath = join(dataDir, 'agent.json');
    const config = agentConfigSchema.parse(JSON.parse(await readFile(configPath, 'utf8')));
    const other = join(root, 'no-listener');
    await run('cp', ['-a', dataDir, other]);
    await writeFile(
      join(other, 'agent.json'),
      JSON.stringify({ ...config, router: { ...config.router, tunnelListen: null } }),
    );
    await expect(startAgent({ dataDir: other, log: createLogger('silent') })).rejects.toThrow(
      /dialTunnel: false needs router\.tunnelListen/,
    );
  });
});
