import type { AddressInfo } from 'node:net';
import type { ServerConsole } from '@yunguan/contract';
import { openBinarySocket, rfbHandshake, rfbRequestUpdate } from '@yunguan/openstack-sim';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { providerForDatacenter } from '../src/cloud/provider-for-datacenter';
import { scopeForProject } from '../src/cloud/scope-for-project';
import { runInventorySync } from '../src/services/inventory/run-inventory-sync';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';
import {
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';
import { prepareSimProject } from './task-fixtures';

/**
 * The console relay end to end: portal-api ticket → WebSocket relay → real SSH tunnel → agent
 * router (/console) → the simulator's noVNC proxy → the server's VNC server.
 */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let owner: Session;
let outsider: Session;
let serverId: string;

const relayUrl = (path: string) =>
  `ws://127.0.0.1:${(h.app.server.address() as AddressInfo).port}${path}`;
/**
 * A refused upgrade: the HTTP status, or — when @fastify/websocket destroys the socket (its
 * onResponse hook) before Node's client has read the response — a hang-up. Never an open socket.
 */
const refused = (status: string) => new RegExp(`upgrade refused: ${status}|socket hang up`);
const consoleStats = async () =>
  (await dc.cloud.request<{ vncServers: number; clients: number }>('GET', '/console/stats')).body;
const issue = async (s: Session) => {
  const res = await s.request('GET', `/api/v1/servers/${serverId}/console`);
  expect(res.statusCode, res.body).toBe(200);
  return json<ServerConsole>(res);
};
const cookieOf = (s: Session) =>
  Object.entries(s.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'con');
  b = await createOrganisation(h.adminCtx, 'oth');
  const sim = await prepareSimProject(h, dc, a.project.id);
  const deps = { db: h.deps.db, config: h.deps.config, now: h.deps.now! };
  const { provider } = await providerForDatacenter(deps, dc.id);
  const scope = await scopeForProject(deps, provider, dc.id, a.project.id);
  const flavors = await dc.cloud.request<{ flavors: { id: string }[] }>(
    'GET',
    '/compute/v2.1/flavors',
  );
  const op = await provider.createServer(scope, {
    name: 'console-vm',
    flavorExternalId: flavors.body.flavors[0]!.id,
    imageExternalId: sim.imageId,
    networkExternalIds: [sim.networkId],
  });
  for (let i = 0; ; i++) {
    const server = await provider.getServer(scope, op.externalId);
    if (server.status === 'active') break;
    if (i > 100) throw new Error(`the sim server never became active (${server.status})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await runInventorySync(deps, dc.id, 'full');
  const row = await h.deps.db.resource.findUnique({
    where: {
      datacenterId_type_externalId: {
        datacenterId: dc.id,
        type: 'server',
        externalId: op.externalId,
      },
    },
  });
  serverId = row!.id;
  owner = await h.login(a.member.username);
  outsider = await h.login(b.deptAdmin.username);
}, 120_000);
afterAll(async () => {
  await dc?.stop();
  await h?.close();
});

describe('server console relay', () => {
  test('a ticket opens the VNC console through the tunnel, once', async () => {
    const res = await owner.request('GET', `/api/v1/servers/${serverId}/console`);
    expect(res.statusCode, res.body).toBe(200);
    const console = json<ServerConsole>(res);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(console.protocol).toBe('vnc');
    expect(console.url).toMatch(/^\/api\/v1\/console\/ws\?ticket=[A-Za-z0-9_-]{43}$/);
    const expiresIn = new Date(console.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(50_000);
    expect(expiresIn).toBeLessThanOrEqual(61_000);

    const headers = { cookie: cookieOf(owner) };
    const socket = await openBinarySocket(relayUrl(console.url), headers);
    expect(socket.protocol).toBe('binary');
    const send = (bytes: Buffer) => socket.send(bytes);
    const init = await rfbHandshake(socket.queue, send);
    expect(init).toMatchObject({ width: 640, height: 400, name: 'console-vm' });
    const [rect] = await rfbRequestUpdate(socket.queue, send, {
      incremental: false,
      width: 640,
      height: 400,
    });
    expect(rect?.data.length).toBe(640 * 400 * 4);
    const [live] = await rfbRequestUpdate(socket.queue, send, {
      incremental: true,
      width: 640,
      height: 400,
    });
    expect(live).toMatchObject({ x: 0, w: 640 });
    socket.close();

    await expect(openBinarySocket(relayUrl(console.url), headers)).rejects.toThrow(refused('404'));
  });

  test('the ticket is bound to the user who asked for it', async () => {
    const res = await owner.request('GET', `/api/v1/servers/${serverId}/console`);
    const { url } = json<ServerConsole>(res);
    await expect(openBinarySocket(relayUrl(url), { cookie: cookieOf(outsider) })).rejects.toThrow(
      '404',
    );
    await expect(openBinarySocket(relayUrl(url))).rejects.toThrow(refused('401'));
  });

  test("another department's user cannot get a ticket (404)", async () => {
    const res = await outsider.request('GET', `/api/v1/servers/${serverId}/console`);
    expect(res.statusCode).toBe(404);
  });

  test('a ticket spent on a plain GET (no upgrade) leaves no console open upstream', async () => {
    const { url } = await issue(owner);
    const res = await owner.request('GET', url);
    expect(res.statusCode).toBe(404);
    await vi.waitFor(async () => expect((await consoleStats()).clients).toBe(0), {
      timeout: 5_000,
    });
  });

  test('30 consoles in a row all complete the RFB handshake through relay and tunnel', async () => {
    const headers = { cookie: cookieOf(owner) };
    for (let i = 0; i < 30; i++) {
      const { url } = await issue(owner);
      const socket = await openBinarySocket(relayUrl(url), headers);
      const init = await rfbHandshake(socket.queue, (b) => socket.send(b)).catch(
        (error: unknown) => {
          throw new Error(`console ${i}: ${String(error)}`);
        },
      );
      expect(init.name).toBe('console-vm');
      socket.close();
    }
    await vi.waitFor(async () => expect((await consoleStats()).clients).toBe(0), {
      timeout: 5_000,
    });
  }, 120_000);

  test("the datacenter list names the sim's capabilities (console, live migration)", async () => {
    const res = await owner.request('GET', '/api/v1/catalog/datacenters');
    expect(res.statusCode, res.body).toBe(200);
    const item = json<{ items: { id: string; capabilities: string[] }[] }>(res).items.find(
      (d) => d.id === dc.id,
    );
    expect(item?.capabilities).toEqual(
      expect.arrayContaining(['server.console', 'server.live-migrate']),
    );
  });
});
