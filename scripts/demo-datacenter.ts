import { existsSync } from 'node:fs';
import path from 'node:path';
import { runAgentCli } from '@yunguan/testing';

const DEMO_DATACENTER = {
  name: '演示数据中心',
  region: 'demo-1',
  kind: 'openstack',
  description: 'Enrolled by npm run demo',
};

type Api = {
  get: (p: string) => Promise<unknown>;
  post: (p: string, body: unknown) => Promise<unknown>;
};

/** Log in as the demo super admin through the public API, like a person would. */
const loginAsAdmin = async (apiUrl: string, password: string): Promise<Api> => {
  const res = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!res.ok)
    throw new Error(
      `demo: admin login failed (${res.status}); was YUNGUAN_DEMO_PASSWORD changed after the first run?`,
    );
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('yg_csrf='))?.slice('yg_csrf='.length) ?? '';
  const call = async (method: string, p: string, body?: unknown) => {
    const r = await fetch(`${apiUrl}${p}`, {
      method,
      headers: {
        cookie: cookies.join('; '),
        'x-csrf-token': csrf,
        'content-type': 'application/json',
        'accept-language': 'en',
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json: unknown = await r.json();
    if (!r.ok) throw new Error(`demo: ${method} ${p} failed: ${JSON.stringify(json)}`);
    return json;
  };
  return { get: (p) => call('GET', p), post: (p, body) => call('POST', p, body) };
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
