import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  runAgentCli,
  startAgentProcess,
  startGatewayProcess,
  type Child,
} from '@yunguan/testing';
import { testRedisUrl } from '@yunguan/testing/database';
import { spawnProcess } from '@yunguan/testing/tunnel';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation } from './factories';
import { createHarness, json, type Harness } from './harness';

/** The portal side of the tunnel, against a real tunnel-gateway and a real dc-agent (both as
 * processes), real Redis and PostgreSQL: create → enroll through the CLI → online → agent info
 * through the tunnel → revoke; token misuse; fast failure when offline. */
const root = path.resolve(import.meta.dirname, '../../..');
const execFileAsync = promisify(execFile);
let h: Harness;
let dir: string;
let gateway: Child;
let portalUrl: string;
const agents: Child[] = [];

type Dc = {
  id: string;
  tunnel: { state: string; gateway: string | null };
  agent: { fingerprint: string } | null;
};
type Created = Dc & { enrollment: { token: string; command: string; expiresAt: string } };

const createDc = async (name: string) => {
  const res = await h.admin.post('/api/v1/datacenters', {
    name,
    region: 'cn-east-1',
    kind: 'openstack',
  });
  expect(res.statusCode).toBe(201);
  return json<Created>(res);
};
const getDc = async (id: string) => json<Dc>(await h.admin.get(`/api/v1/datacenters/${id}`));
const waitForState = async (id: string, state: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dc = await getDc(id);
    if (dc.tunnel.state === state) return dc;
    if (Date.now() > deadline)
      throw new Error(`datacenter ${id} stayed ${dc.tunnel.state}, wanted ${state}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};
const enroll = (token: string, dataDir: string) =>
  runAgentCli(root, ['enroll', '--portal', portalUrl, '--token', token, '--data-dir', dataDir]);

beforeAll(async () => {
  // Above the kernel's ephemeral range, so no outgoing connection can hold one of these ports.
  const first = 61_000 + Math.floor(Math.random() * 4_000);
  h = await createHarness({ tunnelPortRange: `${first}-${first + 20}` });
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const address = h.app.server.address();
  portalUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  dir = await mkdtemp(path.join(os.tmpdir(), 'yg-dc-'));
  gateway = await startGatewayProcess({
    root,
    gatewayId: 'gw-test',
    dataDir: path.join(dir, 'gateway'),
    sshPort: await freePort(),
    redisUrl: testRedisUrl(),
    prefix: h.deps.env.REDIS_KEY_PREFIX,
    portRange: { first, last: first + 20 },
    probeIntervalMs: 500,
    quiet: true,
  });
});
afterAll(async () => {
  for (const a of agents) await a.stop();
  await gateway?.stop();
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('datacenter enrollment and the tunnel', () => {
  let dc: Created;
  const dataDir = () => path.join(dir, 'agent-1');

  test('creating a datacenter answers with a one-time token and an install command', async () => {
    dc = await createDc('dc-shanghai');
    expect(dc.enrollment.token).toMatch(/^ygenr_/);
    expect(dc.enrollment.command).toContain(`--token ${dc.enrollment.token}`);
    expect(dc.tunnel.state).toBe('offline');
    const stored = await h.deps.db.enrollmentToken.findMany({ where: { datacenterId: dc.id } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(dc.enrollment.token);
  });

  test('the agent enrolls through the CLI and the datacenter goes online', async () => {
    const out = await enroll(dc.enrollment.token, dataDir());
    expect(out.stdout).toContain(`enrolled datacenter ${dc.id}`);
    agents.push(await startAgentProcess(root, dataDir()));
    const online = await waitForState(dc.id, 'online');
    expect(online.tunnel.gateway).toBe('gw-test');
    expect(online.agent?.fingerprint).toMatch(/^SHA256:/);
  });

  test('the portal reaches the agent through the tunnel with the router secret', async () => {
    const res = await h.admin.get(`/api/v1/datacenters/${dc.id}/agent-info`);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toHaveProperty('version');
  });

  test('a used token is refused and changes nothing', async () => {
    const before = await getDc(dc.id);
    const failure = await enroll(dc.enrollment.token, path.join(dir, 'agent-reuse')).then(
      () => null,
      (error: { stderr: string }) => error,
    );
    expect(failure?.stderr).toMatch(/401/);
    expect((await getDc(dc.id)).agent?.fingerprint).toBe(before.agent?.fingerprint);
  });

  test('revoking the agent closes the tunnel and the portal then fails fast', async () => {
    const res = await h.admin.post(`/api/v1/datacenters/${dc.id}/revoke-agent`);
    expect(res.statusCode).toBe(200);
    await waitForState(dc.id, 'offline', 5_000);
    const info = await h.admin.get(`/api/v1/datacenters/${dc.id}/agent-info`);
    expect(info.statusCode).toBe(409); // revoked: nothing to ask
  });

  test('a new token re-enrolls the datacenter with a new key; the old key stays refused', async () => {
    const old = (await h.deps.db.datacenterAgent.findUnique({ where: { datacenterId: dc.id } }))!
      .fingerprint;
    const tokenRes = await h.admin.post(`/api/v1/datacenters/${dc.id}/enrollment-tokens`);
    expect(tokenRes.statusCode).toBe(201);
    const dataDir2 = path.join(dir, 'agent-2');
    await enroll(json<{ token: string }>(tokenRes).token, dataDir2);
    agents.push(await startAgentProcess(root, dataDir2));
    const online = await waitForState(dc.id, 'online');
    expect(online.agent?.fingerprint).not.toBe(old);
    expect(await h.deps.redis.get(`${h.deps.env.REDIS_KEY_PREFIX}agent-key:${old}`)).toBeNull();
    expect((await h.admin.get(`/api/v1/datacenters/${dc.id}/agent-info`)).statusCode).toBe(200);
  });
});

describe('stock OpenSSH as the agent', () => {
  test('`ssh -N -R` with an enrolled key makes the datacenter online in the portal', async () => {
    const dc = await createDc('dc-openssh');
    const keyFile = path.join(dir, 'openssh_ed25519');
    await execFileAsync('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      'operator',
      '-f',
      keyFile,
    ]);
    const publicKey = (await readFile(`${keyFile}.pub`, 'utf8')).trim();
    const enrolled = await h.anonymous.post('/api/v1/agent/enroll', {
      token: dc.enrollment.token,
      publicKey,
    });
    expect(enrolled.statusCode).toBe(201);
    const { port, gateways } = json<{ port: number; gateways: { host: string; port: number }[] }>(
      enrolled,
    );
    // A minimal router: what the gateway probes and what the portal then reaches.
    const router = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify(
          req.url === '/agent/healthz'
            ? { status: 'ok' }
            : { version: 'openssh-router', url: req.url },
        ),
      );
    });
    await new Promise<void>((resolve) => router.listen(0, '127.0.0.1', resolve));
    const routerPort = (router.address() as AddressInfo).port;
    const gw = gateways[0]!;
    const ssh = spawnProcess('ssh', [
      '-F',
      '/dev/null',
      '-i',
      keyFile,
      '-N',
      '-o',
      'ExitOnForwardFailure=yes',
      '-o',
      'StrictHostKeyChecking=no',
      '-o',
      'UserKnownHostsFile=/dev/null',
      '-R',
      `127.0.0.1:${port}:127.0.0.1:${routerPort}`,
      '-p',
      String(gw.port),
      `${dc.id}@${gw.host}`,
    ]);
    try {
      await waitForState(dc.id, 'online');
      const info = await h.admin.get(`/api/v1/datacenters/${dc.id}/agent-info`);
      expect(info.statusCode).toBe(200);
      expect(json(info)).toMatchObject({ version: 'openssh-router', url: '/agent/info' });
    } finally {
      await ssh.kill();
      router.close();
    }
    await waitForState(dc.id, 'offline');
  });
});

describe('token misuse and offline datacenters', () => {
  test('an expired token is refused', async () => {
    const dc = await createDc('dc-expired');
    h.clock.offsetMs = 24 * 3600 * 1000 + 1000;
    try {
      const res = await h.anonymous.post('/api/v1/agent/enroll', {
        token: dc.enrollment.token,
        publicKey:
          'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbcVfRJbDdzgMbyfKEc5jUWKbWFOvcnNCFhYRZl6aUw test',
      });
      expect(res.statusCode).toBe(401);
      expect(json(res).error).toMatchObject({ details: { reason: 'enrollment_token_invalid' } });
    } finally {
      h.clock.offsetMs = 0;
    }
  });

  test('a key that is not ssh-ed25519 is a 400 naming the field', async () => {
    const dc = await createDc('dc-badkey');
    const res = await h.anonymous.post('/api/v1/agent/enroll', {
      token: dc.enrollment.token,
      publicKey: 'ssh-rsa AAAAB3NzaC1yc2E= x',
    });
    expect(res.statusCode).toBe(400);
  });

  test('an enrolled datacenter whose agent is down fails within 1 s with UPSTREAM_UNAVAILABLE naming it', async () => {
    const dc = await createDc('dc-offline');
    const dataDir = path.join(dir, 'agent-offline');
    await enroll(dc.enrollment.token, dataDir);
    const agent = await startAgentProcess(root, dataDir);
    await waitForState(dc.id, 'online');
    await agent.stop();
    await waitForState(dc.id, 'offline');
    const started = Date.now();
    const res = await h.admin.get(`/api/v1/datacenters/${dc.id}/agent-info`);
    const elapsed = Date.now() - started;
    expect(res.statusCode).toBe(503);
    const error = json<{ error: { code: string; message: string } }>(res).error;
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toContain('dc-offline');
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('who may manage datacenters', () => {
  test('a department admin neither sees nor changes datacenters', async () => {
    const org = await createOrganisation(h.adminCtx, 'dc-perm');
    const da = await h.login(org.deptAdmin.username);
    const dc = await createDc('dc-private');
    expect((await da.get('/api/v1/datacenters')).statusCode).toBe(403);
    expect((await da.get(`/api/v1/datacenters/${dc.id}`)).statusCode).toBe(404);
    expect(
      (await da.post('/api/v1/datacenters', { name: 'x', region: 'r1', kind: 'openstack' }))
        .statusCode,
    ).toBe(403);
    expect((await da.post(`/api/v1/datacenters/${dc.id}/enrollment-tokens`)).statusCode).toBe(404);
  });
});
