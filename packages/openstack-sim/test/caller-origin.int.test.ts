import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSim, startSim } from '../src/start-sim';

/** GET through the simulator's listener with a chosen Host (and forwarded) header. */
const get = (sim: RunningSim, path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(sim.url);
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: 'GET', headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });

/** Every absolute http(s) URL in a body. */
const urlsIn = (body: string) => body.match(/https?:\/\/[^"\s]+/g) ?? [];

// M2.6 "every URL the simulator returns points at the address the client called": the listener
// a client used is the Host header (or, behind a proxy, X-Forwarded-Host) — never the
// simulator's own port when it was reached under another name.
describe('simulator links follow the address the client called', () => {
  let sim: RunningSim;
  let token = '';
  let projectId = '';
  beforeAll(async () => {
    sim = await startSim({ dataDir: null, delays: { buildMs: 10, actionMs: 10, volumeMs: 10 } });
    const login = await fetch(`${sim.url}/identity/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'admin', password: 'admin', domain: { id: 'default' } } },
          },
          scope: { project: { name: 'admin', domain: { id: 'default' } } },
        },
      }),
    });
    token = login.headers.get('x-subject-token') ?? '';
    projectId = ((await login.json()) as { token: { project: { id: string } } }).token.project.id;
    const volume = await fetch(`${sim.url}/volume/v3/${projectId}/volumes`, {
      method: 'POST',
      headers: { 'x-auth-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ volume: { size: 1, name: 'origin' } }),
    });
    expect(volume.status).toBe(202);
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const paths = () => [
    '/compute/',
    '/compute/v2.1/',
    '/compute/v2.1/flavors?limit=1',
    '/compute/v2.1/flavors/detail',
    '/volume/',
    `/volume/v3/${projectId}/volumes`,
    `/volume/v3/${projectId}/volumes/detail?limit=1`,
    '/network/',
    '/network/v2.0/',
    '/load-balancer/',
  ];

  for (const [label, headers, origin] of [
    ['Host', { host: 'cloud.example.test:8443' }, 'http://cloud.example.test:8443'],
    [
      'X-Forwarded-Host',
      { 'x-forwarded-host': 'portal.example.test', 'x-forwarded-proto': 'https' },
      'https://portal.example.test',
    ],
  ] as const)
    it(`builds every link on the ${label} the client used`, async () => {
      let seen = 0;
      for (const path of paths()) {
        const reply = await get(sim, path, { ...headers, 'x-auth-token': token });
        expect(reply.status, path).toBeLessThan(400);
        for (const url of urlsIn(reply.body)) {
          if (
            url.startsWith('https://docs.openstack.org') ||
            url.startsWith('http://docs.openstack.org')
          )
            continue;
          expect(url, path).toMatch(new RegExp(`^${origin.replace(/[.]/g, '\\.')}/`));
          seen++;
        }
      }
      expect(seen).toBeGreaterThan(10);
    });
});
