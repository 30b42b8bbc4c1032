import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startInfluxd } from './influxdb';
import { readOpenrc } from './openrc';
import { freePort, waitFor } from './ports';
import { loginPortal } from './portal-login';
import type { Child } from './processes';
import { runAgentCli, startAgentProcess, startGatewayProcess } from './tunnel-processes';

export type E2eDatacenterOptions = {
  /** Datacenter name shown in the console (default 'e2e-sim'). */
  name?: string;
  /** Tunnel ports the gateway may hand out; must not overlap another running gateway's. */
  portRange?: { first: number; last: number };
  /** The simulator's BUILD → ACTIVE time; long enough for a browser to see "building". */
  buildMs?: number;
  actionMs?: number;
  /**
   * Monitoring: start a private influxd (Debian's InfluxDB) behind the agent, the simulator
   * writing its series every `metricsIntervalMs` (default 2 s) with 24 h / 30 d of history.
   */
  monitoring?: { metricsIntervalMs?: number };
};

export type E2eDatacenter = { id: string; name: string; stop: () => Promise<void> };

/** OS_PASSWORD of the agent's openrc (the simulator's admin password). */
const openrcPassword = async (agentDir: string): Promise<string> => {
  const password = (await readOpenrc(path.join(agentDir, 'openrc'))).OS_PASSWORD;
  if (!password) throw new Error('e2e datacenter: no OS_PASSWORD in the agent openrc');
  return password;
};
type CatalogEntry = { type: string; endpoints: { interface: string; url: string }[] };

/**
 * What an operator does once in a new datacenter: a shared tenant network with a subnet, so every
 * project can boot servers (the external `public` network is not bootable). Straight to the
 * simulator's Keystone and Neutron through the agent's local listener, as `openstack` would.
 */
const createSharedNetwork = async (listenUrl: string, password: string): Promise<void> => {
  const auth = await fetch(`${listenUrl}/identity/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'admin', domain: { name: 'Default' }, password } },
        },
        scope: { project: { name: 'admin', domain: { name: 'Default' } } },
      },
    }),
  });
  if (!auth.ok) throw new Error(`e2e datacenter: Keystone login failed (${auth.status})`);
  const token = auth.headers.get('x-subject-token') ?? '';
  const { token: body } = (await auth.json()) as { token: { catalog: CatalogEntry[] } };
  const neutron = body.catalog
    .find((c) => c.type === 'network')
    ?.endpoints.find((e) => e.interface === 'public')?.url;
  if (!neutron) throw new Error('e2e datacenter: no network endpoint in the catalog');
  const post = async (p: string, payload: unknown) => {
    const r = await fetch(`${neutron.replace(/\/$/, '')}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': token },
      body: JSON.stringify(payload),
    });
    if (!r.ok) throw new Error(`e2e datacenter: POST ${p} failed (${r.status}): ${await r.text()}`);
    return (await r.json()) as Record<string, { id: string }>;
  };
  const { network } = await post('/v2.0/networks', {
    network: { name: 'shared-net', shared: true, admin_state_up: true },
  });
  await post('/v2.0/subnets', {
    subnet: {
      name: 'shared-subnet',
      network_id: network?.id,
      ip_version: 4,
      cidr: '10.20.0.0/24',
      enable_dhcp: true,
    },
  });
};

/**
 * A simulated OpenStack datacenter connected to an e2e stack the way `npm run demo` does it:
 * a tunnel-gateway, a datacenter created by the super admin through the API, the agent CLI
 * enrolled with the one-time token, `yunguan-agent run --stack sim`, and the datacenter's
 * service account set through PUT /credentials (verified through the tunnel).
 */
export const startE2eDatacenter = async (opts: {
  root: string;
  apiUrl: string;
  webUrl: string;
  adminPassword: string;
  redisUrl: string;
  redisPrefix: string;
  portRange: { first: number; last: number };
  datacenter: E2eDatacenterOptions;
}): Promise<E2eDatacenter> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yg-e2e-sim-'));
  const children: Child[] = [];
  /** Peers that are not child processes of ours to name (influxd): stopped after the agent. */
  const peers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await child.stop();
    for (const peer of peers) await peer();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    children.push(
      await startGatewayProcess({
        root: opts.root,
        gatewayId: 'gw-e2e-sim',
        dataDir: path.join(dir, 'gateway'),
        sshPort: await freePort(),
        redisUrl: opts.redisUrl,
        prefix: opts.redisPrefix,
        portRange: opts.portRange,
        probeIntervalMs: 1000,
        quiet: true,
      }),
    );
    const api = await loginPortal(opts.apiUrl, 'admin', opts.adminPassword);
    const name = opts.datacenter.name ?? 'e2e-sim';
    const created = (await api.call('POST', '/api/v1/datacenters', {
      name,
      region: 'e2e-1',
      kind: 'openstack',
      description: '浏览器测试用的模拟数据中心',
    })) as { id: string; enrollment: { token: string } };

    const agentDir = path.join(dir, 'agent');
    await runAgentCli(opts.root, [
      'enroll',
      '--portal',
      opts.webUrl,
      '--token',
      created.enrollment.token,
      '--data-dir',
      agentDir,
    ]);
    // The simulator's delays live in agent.json (sim.delays), read when the agent starts.
    const configPath = path.join(agentDir, 'agent.json');
    const config = JSON.parse(await readFile(configPath, 'utf8')) as Record<string, unknown>;
    const delays = {
      ...(opts.datacenter.buildMs !== undefined ? { buildMs: opts.datacenter.buildMs } : {}),
      ...(opts.datacenter.actionMs !== undefined ? { actionMs: opts.datacenter.actionMs } : {}),
    };
    const monitoring = opts.datacenter.monitoring;
    const sim = {
      ...(config.sim as Record<string, unknown> | undefined),
      delays,
      ...(monitoring ? { metricsIntervalMs: monitoring.metricsIntervalMs ?? 2_000 } : {}),
    };
    let router = config.router as { upstreams?: Record<string, string> } | undefined;
    if (monitoring) {
      const influx = await startInfluxd({
        dataDir: path.join(dir, 'influxdb'),
        port: await freePort(),
      });
      peers.push(influx.stop);
      router = { ...router, upstreams: { ...router?.upstreams, influx: influx.url } };
    }
    await writeFile(configPath, JSON.stringify({ ...config, sim, ...(router ? { router } : {}) }));
    const listenPort = await freePort();
    children.push(
      await startAgentProcess(opts.root, agentDir, true, [
        '--stack',
        'sim',
        '--local-listen',
        `127.0.0.1:${listenPort}`,
      ]),
    );
    const simPassword = await openrcPassword(agentDir);
    await createSharedNetwork(`http://127.0.0.1:${listenPort}`, simPassword);

    await waitFor(
      'e2e datacenter online',
      async () => {
        const dc = (await api.call('GET', `/api/v1/datacenters/${created.id}`)) as {
          tunnel: { state: string };
        };
        return dc.tunnel.state === 'online';
      },
      30_000,
    );
    // Online is the gateway's probe; Keystone behind the agent may answer a moment later.
    const credentials = {
      authPath: '/identity/v3',
      username: 'admin',
      password: simPassword,
      userDomainName: 'Default',
      projectName: 'admin',
      projectDomainName: 'Default',
      regionName: 'RegionOne',
    };
    let verification = { state: 'unverified', message: null as string | null };
    await waitFor(
      'e2e datacenter credentials verified',
      async () => {
        const saved = (await api.call(
          'PUT',
          `/api/v1/datacenters/${created.id}/credentials`,
          credentials,
        )) as { verification: typeof verification };
        verification = saved.verification;
        return verification.state === 'verified';
      },
      30_000,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}: ${verification.message ?? ''}`);
    });
    return { id: created.id, name, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
