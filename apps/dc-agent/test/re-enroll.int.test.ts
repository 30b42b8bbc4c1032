import { copyFile, readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { agentKeyRecordSchema, tunnelRecordSchema } from '@yunguan/contract';
import { type RedisTestScope, httpGet, spawnProcess, waitForValue } from '@yunguan/testing/tunnel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { type RunningAgent, startAgent } from '../src/run/start-agent';
import { type GatewayFixture, startGatewayFixture } from './gateway-fixture';
import { fingerprintOfPublicKey } from './start-gateway-process';

/** Re-enrolling a datacenter (a new token, a new key) replaces its key: the old one is refused. */
describe('re-enrollment replaces the agent key', () => {
  let fx: GatewayFixture;
  let scope: RedisTestScope;
  let enroll: GatewayFixture['enroll'];
  let root: string;
  let dataDir: string;
  let dcPort: number;
  let sshPort: number;
  let agentCli: GatewayFixture['agentCli'];
  let agent: RunningAgent | null = null;
  const dc = 'dc-rotate';
  const log = createLogger('silent');

  const enrolledFingerprint = async () =>
    fingerprintOfPublicKey(await readFile(join(dataDir, 'agent_ed25519.pub'), 'utf8'));
  const tunnel = async () => {
    const raw = await scope.redis.get(scope.keys.tunnel(dc));
    return raw === null ? undefined : tunnelRecordSchema.parse(JSON.parse(raw));
  };

  beforeAll(async () => {
    fx = await startGatewayFixture({
      tmpPrefix: 'yg-re-enroll-',
      gatewayId: 'gw-rotate',
      datacenterId: dc,
      token: 'first-token-0123456789abcdef',
    });
    ({ scope, enroll, root, dataDir, dcPort, sshPort, agentCli } = fx);
  });

  afterAll(async () => {
    await agent?.stop();
    await fx?.close();
  });

  it('drops the old connection, refuses the old key, and serves the new key on the same port', async () => {
    await agentCli(['enroll', '--portal', enroll.url, '--token', 'first-token-0123456789abcdef']);
    const oldFingerprint = await enrolledFingerprint();
    const oldKeyPath = join(root, 'old_agent_ed25519');
    await copyFile(join(dataDir, 'agent_ed25519'), oldKeyPath);
    agent = await startAgent({ dataDir, log });
    const first = await waitForValue('tunnel with the first key', async () => {
      const t = await tunnel();
      return t?.fingerprint === oldFingerprint ? t : undefined;
    });

    // An admin rotates: a new token; the operator re-enrolls while the old agent still runs.
    const out = await agentCli(['enroll', '--portal', enroll.url, '--token', enroll.issueToken()]);
    expect(out.stdout).toContain(`enrolled datacenter ${dc}`);
    const newFingerprint = await enrolledFingerprint();
    expect(newFingerprint).not.toBe(oldFingerprint);
    expect(await scope.redis.exists(scope.keys.agentKey(oldFingerprint))).toBe(0);
    const record = agentKeyRecordSchema.parse(
      JSON.parse((await scope.redis.get(scope.keys.agentKey(newFingerprint))) ?? 'null'),
    );
    expect(record).toEqual({ datacenterId: dc, port: first.port, revoked: false });

    // The running agent still holds the old key: disconnected within 5 s, then refused.
    const running = agent;
    await waitForValue(
      'old connection ended',
      () => (running.state().state === 'connected' ? undefined : true),
      5_000,
    );
    const refused = await waitForValue('old key refused on reconnect', () => {
      const s = running.state();
      return s.state === 'waiting' && /authentication methods failed/.test(s.lastError ?? '')
        ? s
        : undefined;
    });
    expect(refused.lastError).toMatch(/authentication methods failed/);
    await running.stop();

    // Restarted (install.sh restarts the service after enrolling), it comes up with the new key.
    agent = await startAgent({ dataDir, log });
    const second = await waitForValue('tunnel with the new key', async () => {
      const t = await tunnel();
      return t?.fingerprint === newFingerprint ? t : undefined;
    });
    expect(second.port).toBe(first.port);
    const res = await httpGet(`http://127.0.0.1:${dcPort}/agent/info`, {
      'x-yunguan-agent-secret': enroll.routerSecret,
    });
    expect(JSON.parse(res.body)).toMatchObject({ datacenterId: dc });

    // Stock OpenSSH with the old key: denied, and the new tunnel is undisturbed.
    const ssh = spawnProcess('ssh', [
      ...['-F', '/dev/null', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no'],
      ...['-o', 'UserKnownHostsFile=/dev/null', '-o', 'IdentitiesOnly=yes'],
      ...['-i', oldKeyPath, '-p', String(sshPort), '-N'],
      ...['-R', `127.0.0.1:${dcPort}:127.0.0.1:9`, `${userInfo().username}@127.0.0.1`],
    ]);
    expect(await ssh.exited).toBe(255);
    expect(ssh.output().stderr).toMatch(/Permission denied \(publickey\)/);
    expect((await tunnel())?.sessionId).toBe(second.sessionId);
    expect(agent.state().state).toBe('connected');
  });
});
