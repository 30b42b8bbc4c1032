import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tunnelRecordSchema } from '@yunguan/contract';
import {
  type RedisTestScope,
  type Spawned,
  createRedisTestScope,
  freePort,
  httpGet,
  waitForValue,
} from '@yunguan/testing/tunnel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAgentConfig } from '../src/config/agent-config-file';
import { generateAgentKey } from '../src/enroll/generate-agent-key';
import { createLogger } from '../src/logger';
import { type RunningAgent, startAgent } from '../src/run/start-agent';
import { connectTunnel } from '../src/tunnel/connect-tunnel';
import {
  fingerprintOfPublicKey,
  gatewayProcessEnv,
  readGatewayFingerprint,
  startGatewayProcess,
} from './start-gateway-process';
import { type Upstream, startUpstream } from './start-upstream';

type Datacenter = {
  id: string;
  port: number;
  secret: string;
  fingerprint: string;
  dataDir: string;
  upstream: Upstream;
  agent: RunningAgent;
};

/** Isolation: one gateway, two datacenters, two agents — each port reaches only its own agent. */
describe('two datacenters on one gateway', () => {
  let scope: RedisTestScope;
  let gateway: Spawned;
  let root: string;
  let sshPort: number;
  let hostKeyFingerprint: string;
  const dcs: Datacenter[] = [];
  const log = createLogger('silent');

  /** What enrollment leaves behind for one datacenter: a key in Redis, a data directory. */
  const enrollAndStart = async (id: string, port: number): Promise<Datacenter> => {
    const dataDir = join(root, id);
    const { publicKey } = await generateAgentKey(dataDir, 'agent_ed25519', id);
    const fingerprint = fingerprintOfPublicKey(publicKey);
    await scope.redis.set(
      scope.keys.agentKey(fingerprint),
      JSON.stringify({ datacenterId: id, port, revoked: false }),
    );
    const upstream = await startUpstream(`nova-${id}`);
    const secret = randomBytes(32).toString('hex');
    await writeAgentConfig(dataDir, {
      datacenterId: id,
      gateways: [{ host: '127.0.0.1', port: sshPort }],
      hostKeyFingerprint,
      port,
      routerSecret: secret,
      sshUser: id,
      portalUrl: 'https://portal.invalid',
      enrolledAt: new Date().toISOString(),
      router: { upstreams: { compute: upstream.url } },
    });
    const agent = await startAgent({ dataDir, log });
    return { id, port, secret, fingerprint, dataDir, upstream, agent };
  };

  const tunnelOf = async (dc: Datacenter) => {
    const raw = await scope.redis.get(scope.keys.tunnel(dc.id));
    return raw === null ? undefined : tunnelRecordSchema.parse(JSON.parse(raw));
  };

  beforeAll(async () => {
    scope = createRedisTestScope();
    root = await mkdtemp(join(tmpdir(), 'yg-two-dc-'));
    sshPort = await freePort();
    const [portA, portB] = [await freePort(), await freePort()] as [number, number];
    gateway = await startGatewayProcess(
      gatewayProcessEnv({
        gatewayId: 'gw-two',
        dataDir: join(root, 'gateway'),
        sshPort,
        prefix: scope.prefix,
        portRange: { first: Math.min(portA, portB), last: Math.max(portA, portB) },
      }),
    );
    hostKeyFingerprint = await readGatewayFingerprint(join(root, 'gateway'));
    dcs.push(await enrollAndStart('dc-a', portA), await enrollAndStart('dc-b', portB));
    for (const dc of dcs) await waitForValue(`${dc.id} tunnel`, () => tunnelOf(dc));
  });

  afterAll(async () => {
    for (const dc of dcs) {
      await dc.agent.stop();
      await dc.upstream.close();
    }
    await gateway?.kill();
    await scope?.cleanup();
  });

  it('publishes each datacenter with its own port and key', async () => {
    for (const dc of dcs) {
      expect(await tunnelOf(dc)).toMatchObject({
        datacenterId: dc.id,
        gatewayId: 'gw-two',
        port: dc.port,
        fingerprint: dc.fingerprint,
      });
      expect(dc.agent.state().state).toBe('connected');
    }
  });

  it("routes each port only to its own agent's router and upstream, also under concurrency", async () => {
    const calls = dcs.flatMap((dc) =>
      Array.from({ length: 20 }, (_, i) => ({ dc, path: `/compute/v2.1/servers/${dc.id}-${i}` })),
    );
    // interleaved and concurrent: both tunnels carry traffic at the same time
    const answers = await Promise.all(
      calls.map(({ dc, path }) =>
        httpGet(`http://127.0.0.1:${dc.port}${path}`, {
          'x-yunguan-agent-secret': dc.secret,
          'x-test-datacenter': dc.id,
        }),
      ),
    );
    answers.forEach((res, i) => {
      const { dc, path } = calls[i]!;
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({
        upstream: `nova-${dc.id}`,
        path: path.replace('/compute', ''),
      });
    });
    for (const dc of dcs) {
      // (requests without the header are the agent's own upstream health checks)
      const seen = dc.upstream
        .seenHeaders()
        .map((h) => h['x-test-datacenter'])
        .filter((v) => v !== undefined);
      expect(seen).toHaveLength(20);
      expect(new Set(seen)).toEqual(new Set([dc.id]));
    }
    for (const dc of dcs) {
      const info = await httpGet(`http://127.0.0.1:${dc.port}/agent/info`, {
        'x-yunguan-agent-secret': dc.secret,
      });
      expect(JSON.parse(info.body)).toMatchObject({ datacenterId: dc.id });
    }
  });

  it("does not accept one datacenter's secret on the other's port", async () => {
    const [a, b] = dcs as [Datacenter, Datacenter];
    for (const [port, secret] of [
      [a.port, b.secret],
      [b.port, a.secret],
    ] as const) {
      const res = await httpGet(`http://127.0.0.1:${port}/compute/v2.1/servers`, {
        'x-yunguan-agent-secret': secret,
      });
      expect(res.status).toBe(401);
    }
  });

  it("refuses agent A's key a forward of B's port, and B's tunnel stays up", async () => {
    const [a, b] = dcs as [Datacenter, Datacenter];
    const before = await tunnelOf(b);
    const attempt = connectTunnel(
      {
        host: '127.0.0.1',
        port: sshPort,
        username: b.id, // the user name is informational: the key decides
        privateKey: await readFile(join(a.dataDir, 'agent_ed25519'), 'utf8'),
        hostKeyFingerprint,
        forwardBindAddress: '127.0.0.1',
        forwardPort: b.port,
        keepaliveIntervalMs: 15_000,
        keepaliveCountMax: 3,
      },
      () => undefined,
      log,
    );
    await expect(attempt).rejects.toThrow(`gateway refused the forward of port ${b.port}`);
    await gateway.waitForOutput(
      new RegExp(`"kind":"forward-port".*"datacenterId":"${a.id}".*"bindPort":${b.port}`),
      5_000,
    );

    // Neither tunnel was disturbed by the attempt.
    expect((await tunnelOf(b))?.sessionId).toBe(before?.sessionId);
    for (const dc of dcs) {
      const res = await httpGet(`http://127.0.0.1:${dc.port}/compute/v2.1/flavors`, {
        'x-yunguan-agent-secret': dc.secret,
      });
      expect(JSON.parse(res.body)).toMatchObject({ upstream: `nova-${dc.id}` });
      expect(dc.agent.state().state).toBe('connected');
    }
  });
});
