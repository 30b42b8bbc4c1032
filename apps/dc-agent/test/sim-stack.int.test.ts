import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
});
