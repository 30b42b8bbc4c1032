import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { type RunningAgent, startAgent } from '../src/run/start-agent';

/** `--stack sim` without enrollment: simulator in-process, local listener only, openrc written. */
describe('agent with the simulated stack, standalone', () => {
  let dataDir: string;
  let agent: RunningAgent;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'yg-agent-sim-'));
    agent = await startAgent({
      dataDir,
      log: createLogger('silent'),
      stack: 'sim',
      localListen: { host: '127.0.0.1', port: 0 },
    });
  });
  afterAll(async () => {
    await agent?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes an openrc for the local listener', async () => {
    expect(agent.openrcPath).toBe(join(dataDir, 'openrc'));
    const openrc = await readFile(join(dataDir, 'openrc'), 'utf8');
    expect(openrc).toContain(
      `export OS_AUTH_URL='http://127.0.0.1:${agent.localPort}/identity/v3'`,
    );
    expect(openrc).toContain("export OS_PROJECT_DOMAIN_NAME='Default'");
  });

  it('serves Keystone with a catalog that points at the local listener, not the simulator', async () => {
    const base = `http://127.0.0.1:${agent.localPort}`;
    const res = await fetch(`${base}/identity/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'admin', domain: { id: 'default' }, password: 'admin' } },
          },
          scope: { project: { name: 'admin', domain: { id: 'default' } } },
        },
      }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      token: { catalog: { type: string; endpoints: { url: string }[] }[] };
    };
    const urls = body.token.catalog.flatMap((s) => s.endpoints.map((e) => e.url));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`${base}/`)).toBe(true);
    const image = body.token.catalog.find((s) => s.type === 'image');
    expect(image?.endpoints[0]?.url).toBe(`${base}/image`);
  });

  // M2.6 must-show 3: through the router, every URL the simulator writes points at the
  // listener the client called (the router forwards X-Forwarded-Host), never the sim's own port.
  it('answers links on the address the client called through the router', async () => {
    const base = `http://127.0.0.1:${agent.localPort}`;
    const login = await fetch(`${base}/identity/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'admin', domain: { id: 'default' }, password: 'admin' } },
          },
          scope: { project: { name: 'admin', domain: { id: 'default' } } },
        },
      }),
    });
    const token = login.headers.get('x-subject-token') ?? '';
    const projectId = ((await login.json()) as { token: { project: { id: string } } }).token.project
      .id;
    const created = await fetch(`${base}/volume/v3/${projectId}/volumes`, {
      method: 'POST',
      headers: { 'x-auth-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ volume: { size: 1, name: 'through-router' } }),
    });
    expect(created.status).toBe(202);
    const paths = [
      '/compute/',
      '/compute/v2.1/',
      '/compute/v2.1/flavors?limit=1',
      '/volume/',
      `/volume/v3/${projectId}/volumes?limit=1`,
      '/network/',
      '/identity/v3/',
      '/image/',
    ];
    for (const [host, origin] of [
      [undefined, base],
      ['cloud.example.test:8443', 'http://cloud.example.test:8443'],
    ] as const) {
      let seen = 0;
      for (const path of paths) {
        const reply = await getVia(agent.localPort ?? 0, path, {
          'x-auth-token': token,
          ...(host === undefined ? {} : { host }),
        });
        expect(reply.status, path).toBeLessThan(400);
        for (const url of reply.body.match(/https?:\/\/[^"\s]+/g) ?? []) {
          if (url.includes('docs.openstack.org')) continue;
          expect(url.startsWith(`${origin}/`), `${path}: ${url}`).toBe(true);
          seen++;
        }
      }
      expect(seen).toBeGreaterThan(5);
    }
  });
});

/** GET through the agent's local listener with a chosen Host header. */
const getVia = (port: number, path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
