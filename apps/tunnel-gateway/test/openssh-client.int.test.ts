import { mkdtemp } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tunnelHealthSchema, tunnelRecordSchema } from '@yunguan/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authoriseAgentKey, createAgentKey, type AgentKeyFixture } from './agent-key-fixture';
import { freePort } from '@yunguan/testing/tunnel';
import { httpGet } from '@yunguan/testing/tunnel';
import { type RedisTestScope, createRedisTestScope } from '@yunguan/testing/tunnel';
import { runSsh } from './run-openssh-client';
import { counterValue, startTestGateway } from './start-test-gateway';
import { startLocalHttp } from './start-local-http';
import { waitForValue } from '@yunguan/testing/tunnel';

/** Stock OpenSSH `ssh` as the agent, against our gateway (issue M1.2 "standard protocol"). */
describe('tunnel-gateway with the OpenSSH client', () => {
  let scope: RedisTestScope;
  let gateway: Awaited<ReturnType<typeof startTestGateway>>;
  let local: Awaited<ReturnType<typeof startLocalHttp>>;
  let dir: string;
  let key: AgentKeyFixture;
  let dcPort: number;
  const dc = 'dc-openssh';

  beforeAll(async () => {
    scope = createRedisTestScope();
    gateway = await startTestGateway(scope.prefix);
    local = await startLocalHttp('behind-the-tunnel');
    dir = await mkdtemp(join(tmpdir(), 'yg-ssh-'));
    key = await createAgentKey(dir, 'agent_ed25519');
    dcPort = await freePort();
    await authoriseAgentKey(scope.redis, scope.keys, key.fingerprint, {
      datacenterId: dc,
      port: dcPort,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await local?.close();
    await scope?.cleanup();
  });

  const forwardArgs = (port: number) => ['-N', '-R', `127.0.0.1:${port}:127.0.0.1:${local.port}`];

  it('carries HTTP through `ssh -N -R`, publishes the tunnel, and cleans up on disconnect', async () => {
    const ssh = runSsh({
      keyPath: key.privateKeyPath,
      port: gateway.sshPort,
      user: dc,
      args: forwardArgs(dcPort),
    });
    try {
      const entry = await waitForValue('tunnel registry entry', async () => {
        const raw = await scope.redis.get(scope.keys.tunnel(dc));
        return raw === null ? undefined : tunnelRecordSchema.parse(JSON.parse(raw));
      });
      expect(entry).toMatchObject({
        datacenterId: dc,
        gatewayId: 'gw-test',
        host: '127.0.0.1',
        port: dcPort,
      });
      expect(entry.fingerprint).toBe(key.fingerprint);

      const res = await httpGet(`http://127.0.0.1:${dcPort}/compute/v2.1/servers`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({
        from: 'behind-the-tunnel',
        path: '/compute/v2.1/servers',
      });

      const health = await waitForValue('online health', async () => {
        const raw = await scope.redis.get(scope.keys.tunnelHealth(dc));
        const h = raw === null ? undefined : tunnelHealthSchema.parse(JSON.parse(raw));
        return h?.state === 'online' ? h : undefined;
      });
      expect(health.latencyMs).not.toBeNull();
      expect(await counterValue(gateway.metrics.forwardedChannelsTotal, {})).toBeGreaterThanOrEqual(
        2,
      );
    } finally {
      await ssh.kill();
    }
    await waitForValue('registry entry removed', async () =>
      (await scope.redis.exists(scope.keys.tunnel(dc))) === 0 ? true : undefined,
    );
    const offline = await waitForValue('offline health', async () => {
      const raw = await scope.redis.get(scope.keys.tunnelHealth(dc));
      const h = raw === null ? undefined : tunnelHealthSchema.parse(JSON.parse(raw));
      return h?.state === 'offline' ? h : undefined;
    });
    expect(offline.reason).toBe('disconnected');
    await expect(connectOnce(dcPort)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a forward of any other port', async () => {
    const before = await counterValue(gateway.metrics.refusalsTotal, { kind: 'forward-port' });
    const other = await freePort();
    const ssh = runSsh({
      keyPath: key.privateKeyPath,
      port: gateway.sshPort,
      args: forwardArgs(other),
    });
    const code = await ssh.exited;
    expect(code).not.toBe(0);
    expect(ssh.output().stderr).toMatch(/remote port forwarding failed/);
    expect(await counterValue(gateway.metrics.refusalsTotal, { kind: 'forward-port' })).toBe(
      before + 1,
    );
    await expect(connectOnce(other)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a forward on a public bind address', async () => {
    const ssh = runSsh({
      keyPath: key.privateKeyPath,
      port: gateway.sshPort,
      args: ['-N', '-R', `0.0.0.0:${dcPort}:127.0.0.1:${local.port}`],
    });
    expect(await ssh.exited).not.toBe(0);
    expect(ssh.output().stderr).toMatch(/remote port forwarding failed/);
    expect(
      await counterValue(gateway.metrics.refusalsTotal, { kind: 'forward-bind-address' }),
    ).toBe(1);
  });

  it('refuses exec and shell sessions', async () => {
    const exec = runSsh({
      keyPath: key.privateKeyPath,
      port: gateway.sshPort,
      args: [],
      command: ['echo', 'hi'],
    });
    expect(await exec.exited).not.toBe(0);
    expect(exec.output().stdout).not.toContain('hi');
    expect(exec.output().stderr).toMatch(/channel .*open failed|administratively prohibited/i);

    const shell = runSsh({ keyPath: key.privateKeyPath, port: gateway.sshPort, args: ['-T'] });
    expect(await shell.exited).not.toBe(0);
    expect(await counterValue(gateway.metrics.refusalsTotal, { kind: 'session' })).toBe(2);
  });

  it('refuses direct-tcpip (ssh -L) and streamlocal forwards', async () => {
    const localPort = await freePort();
    const ssh = runSsh({
      keyPath: key.privateKeyPath,
      port: gateway.sshPort,
      args: ['-N', '-L', `127.0.0.1:${localPort}:127.0.0.1:${local.port}`],
    });
    try {
      await waitForValue('ssh -L listening', async () =>
        (await connectOnce(localPort).catch(() => false)) ? true : undefined,
      );
      await waitForValue('direct-tcpip refusal counted', async () =>
        (await counterValue(gateway.metrics.refusalsTotal, { kind: 'direct-tcpip' })) >= 1
          ? true
          : undefined,
      );
      await ssh.waitForOutput(/open failed/, 5_000);
    } finally {
      await ssh.kill();
    }
    const sock = join(dir, 'fwd.sock');
    const streamlocal = runSsh({
      keyPath: key.privateKeyPath,
      port: gateway.sshPort,
      args: ['-N', '-R', `${sock}:127.0.0.1:${local.port}`],
    });
    expect(await streamlocal.exited).not.toBe(0);
    expect(await counterValue(gateway.metrics.refusalsTotal, { kind: 'streamlocal' })).toBe(1);
  });

  it('denies an unknown key with "Permission denied (publickey)"', async () => {
    const stranger = await createAgentKey(dir, 'stranger_ed25519');
    const ssh = runSsh({
      keyPath: stranger.privateKeyPath,
      port: gateway.sshPort,
      args: forwardArgs(dcPort),
    });
    expect(await ssh.exited).toBe(255);
    expect(ssh.output().stderr).toMatch(/Permission denied \(publickey\)/);
    expect(
      await counterValue(gateway.metrics.refusalsTotal, { kind: 'unknown-key' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('disconnects within 5 s of a revocation, and then denies the key', async () => {
    const revKey = await createAgentKey(dir, 'revoked_ed25519');
    const revDc = 'dc-revoked';
    const revPort = await freePort();
    await authoriseAgentKey(scope.redis, scope.keys, revKey.fingerprint, {
      datacenterId: revDc,
      port: revPort,
    });
    const ssh = runSsh({
      keyPath: revKey.privateKeyPath,
      port: gateway.sshPort,
      args: forwardArgs(revPort),
    });
    await waitForValue('revocable tunnel up', async () =>
      (await scope.redis.exists(scope.keys.tunnel(revDc))) === 1 ? true : undefined,
    );

    // What portal-api does on revoke: mark the key, then tell every gateway.
    await authoriseAgentKey(scope.redis, scope.keys, revKey.fingerprint, {
      datacenterId: revDc,
      port: revPort,
      revoked: true,
    });
    await scope.redis.publish(
      scope.keys.revocationsChannel,
      JSON.stringify({ datacenterId: revDc }),
    );
    const outcome = await Promise.race([
      ssh.exited.then(() => 'disconnected'),
      new Promise((r) => setTimeout(() => r('still connected after 5 s'), 5_000)),
    ]);
    expect(outcome).toBe('disconnected');
    await expect(connectOnce(revPort)).rejects.toThrow(/ECONNREFUSED/);
    expect(await scope.redis.exists(scope.keys.tunnel(revDc))).toBe(0);

    const again = runSsh({
      keyPath: revKey.privateKeyPath,
      port: gateway.sshPort,
      args: forwardArgs(revPort),
    });
    expect(await again.exited).toBe(255);
    expect(again.output().stderr).toMatch(/Permission denied \(publickey\)/);
    expect(await counterValue(gateway.metrics.refusalsTotal, { kind: 'revoked-key' })).toBe(1);
  });

  it('serves /healthz and Prometheus /metrics', async () => {
    const health = await httpGet(`http://127.0.0.1:${gateway.httpPort}/healthz`);
    expect(health.status).toBe(200);
    const metrics = await httpGet(`http://127.0.0.1:${gateway.httpPort}/metrics`);
    expect(metrics.body).toMatch(/yg_tunnel_refusals_total\{kind="session"\} 2/);
    expect(metrics.body).toMatch(/yg_tunnel_bytes_total\{direction="to_agent"\} [1-9]/);
    expect(metrics.body).toMatch(/yg_tunnel_probe_latency_seconds_count [1-9]/);
  });
});

/** Resolves when a TCP connect succeeds (and closes it), rejects with the socket error. */
const connectOnce = (port: number): Promise<boolean> =>
  new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', reject);
  });
