import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
import { json, type Harness } from './harness';

/**
 * An enrolled simulated OpenStack datacenter for portal tests: a real tunnel-gateway process, a
 * real `yunguan-agent run --stack sim` enrolled through the portal's API and CLI, connected
 * through a real SSH tunnel, with the portal's service account (the sim's `admin`) saved through
 * PUT /credentials. `cloud` talks to the sim directly on the agent's local listener — like an
 * operator inside the datacenter — to make changes behind the portal's back.
 *
 * Create the harness with `createHarness({ tunnelPortRange: simTunnelPortRange() })` so parallel
 * test files never share tunnel ports. YG_SIM_VERBOSE=1 shows the agent's log lines.
 */
const root = path.resolve(import.meta.dirname, '../../..');

/** 21 ports above the kernel's ephemeral range, random per test file. */
export const simTunnelPortRange = (): string => {
  const first = 61_000 + Math.floor(Math.random() * 4_000);
  return `${first}-${first + 20}`;
};

export type SimDelays = { buildMs?: number; actionMs?: number; volumeMs?: number };

/** A Keystone-authenticated client of the sim's own APIs (compute, network, image, …). */
export type SimCloud = {
  /** e.g. http://127.0.0.1:5123 — `${url}/identity/v3`, `${url}/compute/v2.1`, … */
  url: string;
  /** Call `path` (e.g. /compute/v2.1/servers) with an admin token; JSON in and out. */
  request: <T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; body: T }>;
  /** The sim's admin project id (where `request` acts). */
  adminProjectId: () => Promise<string>;
};

export type SimDatacenter = {
  id: string;
  name: string;
  cloud: SimCloud;
  /** Stop the agent: the datacenter goes offline (the tunnel record disappears). */
  stopAgent: () => Promise<void>;
  /** Start the agent again (same enrollment, same sim state) and wait until it is online. */
  startAgent: () => Promise<void>;
  /** The running agent's process id (e.g. to SIGSTOP it: a datacenter that hangs). */
  agentPid: () => number;
  /** Wait until the portal sees the tunnel in `state`. */
  waitForTunnel: (state: 'online' | 'offline', timeoutMs?: number) => Promise<void>;
  stop: () => Promise<void>;
};

export const SIM_CREDENTIALS = {
  authPath: '/identity/v3',
  username: 'admin',
  password: 'admin',
  userDomainName: 'Default',
  projectName: 'admin',
  projectDomainName: 'Default',
  regionName: 'RegionOne',
} as const;

const simCloud = (url: string): SimCloud => {
  let token: { value: string; projectId: string } | null = null;
  const login = async () => {
    const res = await fetch(`${url}/identity/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: SIM_CREDENTIALS.username,
                domain: { name: 'Default' },
                password: SIM_CREDENTIALS.password,
              },
            },
          },
          scope: { project: { name: 'admin', domain: { name: 'Default' } } },
        },
      }),
    });
    if (res.status !== 201) throw new Error(`sim login failed: ${res.status}`);
    const body = (await res.json()) as { token: { project: { id: string } } };
    token = { value: res.headers.get('x-subject-token')!, projectId: body.token.project.id };
    return token;
  };
  return {
    url,
    adminProjectId: async () => (token ?? (await login())).projectId,
    request: async <T>(method: string, p: string, body?: unknown) => {
      const { value } = token ?? (await login());
      const res = await fetch(`${url}${p}`, {
        method,
        headers: {
          'x-auth-token': value,
          'openstack-api-version': 'compute 2.79',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
    },
  };
};

/**
 * Start and enroll a simulated datacenter for `h` (the app starts listening on a free port if
 * it is not yet). Short sim delays by default so servers settle within ~0.1 s.
 */
export const startSimDatacenterForPortal = async (
  h: Harness,
  opts: {
    name?: string;
    delays?: SimDelays;
    credentials?: boolean;
    /** Monitoring: the InfluxDB behind the agent (router.upstreams.influx). */
    influxUrl?: string;
    /** How often the simulator writes its series (ms). */
    metricsIntervalMs?: number;
  } = {},
): Promise<SimDatacenter> => {
  if (!h.app.server.listening) await h.app.listen({ host: '127.0.0.1', port: 0 });
  const address = h.app.server.address();
  const portalUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yg-simdc-'));
  const children: Child[] = [];
  const gateway = await startGatewayProcess({
    root,
    gatewayId: `gw-${randomBytes(3).toString('hex')}`,
    dataDir: path.join(dir, 'gateway'),
    sshPort: 0, // any free port: enrollment hands the agent the announced one
    redisUrl: testRedisUrl(),
    prefix: h.deps.env.REDIS_KEY_PREFIX,
    portRange: h.deps.env.TUNNEL_PORT_RANGE,
    probeIntervalMs: 500,
    quiet: true,
  });
  children.push(gateway);
  const stopAll = async () => {
    for (const c of children.reverse()) await c.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const created = await h.admin.post('/api/v1/datacenters', {
      name: opts.name ?? `sim-${randomBytes(3).toString('hex')}`,
      region: 'RegionOne',
      kind: 'openstack',
    });
    if (created.statusCode !== 201) throw new Error(`create datacenter: ${created.body}`);
    const dc = json<{ id: string; name: string; enrollment: { token: string } }>(created);
    const dataDir = path.join(dir, 'agent');
    await runAgentCli(root, [
      'enroll',
      '--portal',
      portalUrl,
      '--token',
      dc.enrollment.token,
      '--data-dir',
      dataDir,
    ]);
    const configFile = path.join(dataDir, 'agent.json');
    const config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
    const delays = { buildMs: 50, actionMs: 50, volumeMs: 50, ...opts.delays };
    const router = (config.router ?? {}) as { upstreams?: Record<string, string> };
    await writeFile(
      configFile,
      JSON.stringify({
        ...config,
        sim: {
          adminPassword: 'admin',
          delays,
          metricsBackfill: false,
          ...(opts.metricsIntervalMs ? { metricsIntervalMs: opts.metricsIntervalMs } : {}),
        },
        ...(opts.influxUrl
          ? {
              router: { ...router, upstreams: { ...router.upstreams, influx: opts.influxUrl } },
              monitoring: { collectIntervalMs: 1_000, healthCheckIntervalMs: 1_000 },
            }
          : {}),
      }),
    );
    const localPort = await freePort();
    let agent: Child | null = null;
    const waitForTunnel = async (state: 'online' | 'offline', timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { record, health } = await h.deps.config.tunnel.registry.readTunnel(dc.id);
        // Online also means the last probe of this connection did not find it dead (a probe
        // of the previous connection may still say offline for one probe interval).
        const online =
          record !== null &&
          !(health?.state === 'offline' && health.gatewayId === record.gatewayId);
        if (online === (state === 'online') && (state === 'online' || record === null)) return;
        if (Date.now() > deadline) throw new Error(`datacenter ${dc.name} never went ${state}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const startAgent = async () => {
      agent = await startAgentProcess(root, dataDir, process.env.YG_SIM_VERBOSE !== '1', [
        '--stack',
        'sim',
        '--local-listen',
        `127.0.0.1:${localPort}`,
      ]);
      children.push(agent);
      await waitForTunnel('online');
    };
    const stopAgent = async () => {
      await agent?.stop();
      agent = null;
      await waitForTunnel('offline');
    };
    await startAgent();
    if (opts.credentials !== false) {
      const res = await h.admin.request('PUT', `/api/v1/datacenters/${dc.id}/credentials`, {
        ...SIM_CREDENTIALS,
      });
      const body = json<{ verification: { state: string } }>(res);
      if (res.statusCode !== 200 || body.verification.state !== 'verified')
        throw new Error(`credentials not verified: ${res.statusCode} ${res.body}`);
    }
    return {
      id: dc.id,
      name: dc.name,
      cloud: simCloud(`http://127.0.0.1:${localPort}`),
      stopAgent,
      startAgent,
      agentPid: () => {
        const pid = agent?.process.pid;
        if (pid === undefined) throw new Error('the agent is not running');
        return pid;
      },
      waitForTunnel,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
};
