import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loginPortal, readOpenrc, runAgentCli } from '@yunguan/testing';

const DEMO_DATACENTER = {
  name: '演示数据中心',
  region: 'demo-1',
  kind: 'openstack',
  description: '由 npm run demo 注册的模拟数据中心',
};

type Api = {
  get: (p: string) => Promise<unknown>;
  post: (p: string, body: unknown) => Promise<unknown>;
  put: (p: string, body: unknown) => Promise<unknown>;
};

/** Log in as the demo super admin through the public API, like a person would. */
const loginAsAdmin = async (apiUrl: string, password: string): Promise<Api> => {
  const { call } = await loginPortal(apiUrl, 'admin', password).catch((error: unknown) => {
    throw new Error(
      `demo: ${String(error)}; was YUNGUAN_DEMO_PASSWORD changed after the first run?`,
      { cause: error },
    );
  });
  return {
    get: (p) => call('GET', p),
    post: (p, body) => call('POST', p, body),
    put: (p, body) => call('PUT', p, body),
  };
};

/**
 * The demo datacenter, enrolled through the real flow: the admin creates it in the portal, the
 * agent CLI enrolls with the one-time token through the web origin, and from then on the agent
 * keeps its key in .data/agent. A second run finds agent.json and only starts the agent.
 */
export const ensureDemoDatacenter = async (opts: {
  root: string;
  apiUrl: string;
  portalUrl: string;
  agentDir: string;
  password: string;
}): Promise<{ enrolledNow: boolean }> => {
  if (existsSync(path.join(opts.agentDir, 'agent.json'))) return { enrolledNow: false };
  const api = await loginAsAdmin(opts.apiUrl, opts.password);
  const list = (await api.get(
    `/api/v1/datacenters?q=${encodeURIComponent(DEMO_DATACENTER.region)}`,
  )) as {
    items: { id: string; name: string }[];
  };
  const existing = list.items.find((d) => d.name === DEMO_DATACENTER.name);
  const enrollment = existing
    ? ((await api.post(`/api/v1/datacenters/${existing.id}/enrollment-tokens`, {})) as {
        token: string;
      })
    : (
        (await api.post('/api/v1/datacenters', DEMO_DATACENTER)) as {
          enrollment: { token: string };
        }
      ).enrollment;
  await runAgentCli(opts.root, [
    'enroll',
    '--portal',
    opts.portalUrl,
    '--token',
    enrollment.token,
    '--data-dir',
    opts.agentDir,
  ]);
  return { enrolledNow: true };
};

/**
 * Point the demo agent's `/influx` route (and its metrics relay) at the demo's influxd, or take
 * it away when the demo runs without InfluxDB.
 */
export const setDemoInfluxUpstream = async (agentDir: string, url: string | null) => {
  const file = path.join(agentDir, 'agent.json');
  const config = JSON.parse(await readFile(file, 'utf8')) as {
    router?: { upstreams?: Record<string, string> };
  };
  const upstreams = { ...config.router?.upstreams };
  if (url === null) delete upstreams.influx;
  else upstreams.influx = url;
  config.router = { ...config.router, upstreams };
  await writeFile(file, JSON.stringify(config, null, 2), { mode: 0o600 });
};

/** The OS_* variables the agent wrote to `<agentDir>/openrc`. */
const readAgentOpenrc = (agentDir: string) => readOpenrc(path.join(agentDir, 'openrc'));
/**
 * Give the portal the demo datacenter's service account (the simulator's admin, from the agent's
 * openrc) so it can create servers there. Saved once; the portal verifies it through the tunnel,
 * so this waits until the tunnel answers.
 */
export const ensureDemoCredentials = async (opts: {
  apiUrl: string;
  agentDir: string;
  password: string;
}): Promise<'configured-now' | 'already-configured'> => {
  const api = await loginAsAdmin(opts.apiUrl, opts.password);
  const list = (await api.get(
    `/api/v1/datacenters?q=${encodeURIComponent(DEMO_DATACENTER.region)}`,
  )) as { items: { id: string; name: string }[] };
  const dc = list.items.find((d) => d.name === DEMO_DATACENTER.name);
  if (!dc) throw new Error('demo: the demo datacenter is missing');
  const current = (await api.get(`/api/v1/datacenters/${dc.id}/credentials`)) as {
    configured: boolean;
  };
  if (current.configured) return 'already-configured';
  const rc = await readAgentOpenrc(opts.agentDir);
  const input = {
    authPath: '/identity/v3',
    username: rc.OS_USERNAME ?? 'admin',
    password: rc.OS_PASSWORD ?? '',
    userDomainName: rc.OS_USER_DOMAIN_NAME ?? 'Default',
    projectName: rc.OS_PROJECT_NAME ?? 'admin',
    projectDomainName: rc.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    regionName: rc.OS_REGION_NAME ?? 'RegionOne',
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const saved = (await api.put(`/api/v1/datacenters/${dc.id}/credentials`, input)) as {
      verification: { state: string };
    };
    if (saved.verification.state === 'verified') return 'configured-now';
    if (Date.now() > deadline)
      throw new Error('demo: the portal could not verify the demo datacenter credentials');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
};

/**
 * A shared tenant network in the demo datacenter, so a new project can boot a server at once
 * (the simulator's `public` network is external and cannot take server ports). Made once, through
 * the agent's local listener with the simulator's admin, like an operator would.
 */
export const ensureDemoNetwork = async (opts: {
  agentDir: string;
  localUrl: string;
}): Promise<'created' | 'exists'> => {
  const rc = await readAgentOpenrc(opts.agentDir);
  const auth = await fetch(`${opts.localUrl}/identity/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: rc.OS_USERNAME ?? 'admin',
              domain: { name: rc.OS_USER_DOMAIN_NAME ?? 'Default' },
              password: rc.OS_PASSWORD ?? '',
            },
          },
        },
        scope: {
          project: {
            name: rc.OS_PROJECT_NAME ?? 'admin',
            domain: { name: rc.OS_PROJECT_DOMAIN_NAME ?? 'Default' },
          },
        },
      },
    }),
  });
  const token = auth.headers.get('x-subject-token');
  if (!auth.ok || !token) throw new Error(`demo: simulator login failed (${auth.status})`);
  const neutron = async (method: string, p: string, body?: unknown) => {
    const r = await fetch(`${opts.localUrl}/network/v2.0${p}`, {
      method,
      headers: { 'x-auth-token': token, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!r.ok) throw new Error(`demo: ${method} ${p} failed (${r.status}): ${await r.text()}`);
    return (await r.json()) as Record<string, unknown>;
  };
  const found = (await neutron('GET', '/networks?name=demo-net')) as { networks: unknown[] };
  if (found.networks.length > 0) return 'exists';
  const { network } = (await neutron('POST', '/networks', {
    network: { name: 'demo-net', shared: true },
  })) as { network: { id: string } };
  await neutron('POST', '/subnets', {
    subnet: {
      name: 'demo-subnet',
      network_id: network.id,
      ip_version: 4,
      cidr: '10.20.0.0/22',
      dns_nameservers: ['223.5.5.5'],
    },
  });
  return 'created';
};
