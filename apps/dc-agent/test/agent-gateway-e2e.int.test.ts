import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { tunnelHealthSchema, tunnelRecordSchema } from '@yunguan/contract';
import {
  type RedisTestScope,
  type Spawned,
  httpGet,
  spawnProcess,
  waitForValue,
} from '@yunguan/testing/tunnel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentConfigSchema } from '../src/config/agent-config';
import { type GatewayFixture, agentBin, run, startGatewayFixture } from './gateway-fixture';
import { startGatewayProcess } from './start-gateway-process';
import { type Upstream, startUpstream } from './start-upstream';

/** Both of our apps as real processes, enrolled through the real CLI, over a real SSH tunnel. */
describe('dc-agent ↔ tunnel-gateway end to end', () => {
  let fx: GatewayFixture;
  let scope: RedisTestScope;
  let agent: Spawned | null = null;
  let nova: Upstream;
  let keystone: Upstream;
  let dataDir: string;
  let enroll: GatewayFixture['enroll'];
  let dcPort: number;
  let agentCli: GatewayFixture['agentCli'];
  const dc = 'dc-e2e';
  // Shaped like the portal's tokens (ygenr_…): a bare base64url token may start with '-', which
  // the CLI (node:util parseArgs) would read as an option.
  const token = `ygenr_${randomBytes(24).toString('base64url')}`;

  beforeAll(async () => {
    fx = await startGatewayFixture({
      tmpPrefix: 'yg-e2e-',
      gatewayId: 'gw-e2e',
      datacenterId: dc,
      token,
    });
    ({ scope, dataDir, dcPort, enroll, nova, agentCli } = fx);
    keystone = await startUpstream('keystone', {
      compute: `${nova.url}/v2.1/p1`,
      identity: 'http://controller:5000/v3',
    });
  });

  afterAll(async () => {
    await agent?.kill();
    await keystone?.close();
    await fx?.close();
  });

  it('enrolls with the CLI: OpenSSH-format key (0600) and agent.json', async () => {
    const out = await agentCli(['enroll', '--portal', enroll.url, '--token', token]);
    expect(out.stdout).toContain(`enrolled datacenter ${dc}`);
    const keyPath = join(dataDir, 'agent_ed25519');
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    // OpenSSH itself can read the key: operators may use it with `ssh -i`.
    const { stdout: pub } = await run('ssh-keygen', ['-y', '-f', keyPath]);
    expect(pub).toMatch(/^ssh-ed25519 /);
    const config = agentConfigSchema.parse(
      JSON.parse(await readFile(join(dataDir, 'agent.json'), 'utf8')),
    );
    expect(config).toMatchObject({
      datacenterId: dc,
      port: dcPort,
      routerSecret: enroll.routerSecret,
    });
    expect((await stat(join(dataDir, 'agent.json'))).mode & 0o777).toBe(0o600);

    // The operator points the router at the datacenter's services.
    config.router.upstreams = { compute: nova.url, identity: keystone.url };
    await writeFile(join(dataDir, 'agent.json'), JSON.stringify(config));
  });

  it('refuses to enroll with a used token', async () => {
    const failure = await agentCli(['enroll', '--portal', enroll.url, '--token', token]).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/enrollment refused .* HTTP 401 UNAUTHENTICATED/);
    expect(existsSync(join(dataDir, 'agent_ed25519.pending'))).toBe(false);
    // a failed re-enrollment keeps the working key and config
    const config = agentConfigSchema.parse(
      JSON.parse(await readFile(join(dataDir, 'agent.json'), 'utf8')),
    );
    expect(config.router.upstreams.compute).toBe(nova.url);
  });

  it('runs: the datacenter comes online and the portal reaches its services through the tunnel', async () => {
    agent = spawnProcess(process.execPath, [agentBin, 'run', '--data-dir', dataDir], {
      PATH: process.env.PATH,
      LOG_LEVEL: 'info',
    });
    const health = await waitForValue('datacenter online', async () => {
      const raw = await scope.redis.get(scope.keys.tunnelHealth(dc));
      const h = raw === null ? undefined : tunnelHealthSchema.parse(JSON.parse(raw));
      return h?.state === 'online' ? h : undefined;
    });
    expect(health.gatewayId).toBe('gw-e2e');
    const entry = tunnelRecordSchema.parse(
      JSON.parse((await scope.redis.get(scope.keys.tunnel(dc))) ?? 'null'),
    );
    const base = `http://${entry.host}:${entry.port}`;
    const headers = { 'x-yunguan-agent-secret': enroll.routerSecret };

    const servers = await httpGet(`${base}/compute/v2.1/servers/detail`, headers);
    expect(JSON.parse(servers.body)).toMatchObject({
      upstream: 'nova',
      path: '/v2.1/servers/detail',
    });
    expect((await httpGet(`${base}/compute/v2.1/servers/detail`)).status).toBe(401);

    const tokenRes = await post(`${base}/identity/v3/auth/tokens`, headers, '{"auth":{}}');
    expect(tokenRes.status).toBe(201);
    expect(tokenRes.headers['x-subject-token']).toBe('tok-123');
    const urls = (
      JSON.parse(tokenRes.body) as { token: { catalog: { endpoints: { url: string }[] }[] } }
    ).token.catalog.map((s) => s.endpoints[0]?.url);
    expect(urls).toEqual([`${base}/compute/v2.1/p1`, `${base}/identity/v3`]);

    const echoed = await upgradeAndEcho(`${base}/compute/ws`, headers, 'hello console');
    expect(echoed).toBe('hello console');

    const status = await agentCli(['status']);
    expect(status.stdout).toMatch(/tunnel\s+connected via 127\.0\.0\.1:/);
  });

  it('comes back by itself after the gateway is killed and restarted', async () => {
    const before = tunnelRecordSchema.parse(
      JSON.parse((await scope.redis.get(scope.keys.tunnel(dc))) ?? 'null'),
    );
    fx.gateway.child.kill('SIGKILL');
    await fx.gateway.exited;
    await expect(httpGet(`http://127.0.0.1:${dcPort}/agent/healthz`)).rejects.toThrow(
      /ECONNREFUSED/,
    );
    fx.gateway = await startGatewayProcess(fx.gatewayEnv);
    const after = await waitForValue(
      'agent reconnected',
      async () => {
        const raw = await scope.redis.get(scope.keys.tunnel(dc));
        const rec = raw === null ? undefined : tunnelRecordSchema.parse(JSON.parse(raw));
        return rec !== undefined && rec.sessionId !== before.sessionId ? rec : undefined;
      },
      35_000,
    );
    expect(after.port).toBe(dcPort);
    const res = await httpGet(`http://127.0.0.1:${dcPort}/compute/v2.1/flavors`, {
      'x-yunguan-agent-secret': enroll.routerSecret,
    });
    expect(JSON.parse(res.body)).toMatchObject({ upstream: 'nova', path: '/v2.1/flavors' });
  }, 60_000);
});

const post = (url: string, headers: Record<string, string>, body: string) =>
  new Promise<{
    status: number;
    body: string;
    headers: Record<string, string | string[] | undefined>;
  }>((ok, fail) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...headers, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });

/** An HTTP/1.1 upgrade through the tunnel; sends `message` and resolves with what comes back. */
const upgradeAndEcho = (url: string, headers: Record<string, string>, message: string) =>
  new Promise<string>((ok, fail) => {
    const req = request(url, {
      headers: { ...headers, connection: 'Upgrade', upgrade: 'websocket' },
    });
    req.on('upgrade', (res, socket) => {
      if (res.statusCode !== 101) return fail(new Error(`status ${res.statusCode}`));
      let got = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => {
        got += d;
        if (got.length >= message.length) {
          socket.destroy();
          ok(got);
        }
      });
      socket.write(message);
    });
    req.on('response', (res) => fail(new Error(`no upgrade: HTTP ${res.statusCode}`)));
    req.on('error', fail);
    req.end();
  });
