import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  openBinarySocket,
  rfbHandshake,
  rfbRequestUpdate,
  type RunningSim,
  startSim,
} from '../src';
import { consoleHubOf } from '../src/console';

type Json = Record<string, unknown>;

/** The console path of the simulator: remote-consoles → one-time token → WebSocket → VNC. */
describe(
  'simulator consoles: Nova remote consoles and the noVNC proxy',
  { timeout: 60_000 },
  () => {
    let sim: RunningSim;
    let token = '';
    let computeUrl = '';
    let serverId = '';

    const call = async (method: string, path: string, body?: unknown, version = '2.79') => {
      const res = await fetch(`${computeUrl}${path}`, {
        method,
        headers: {
          'x-auth-token': token,
          'content-type': 'application/json',
          'openstack-api-version': `compute ${version}`,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
    };
    const waitForStatus = async (status: string) => {
      for (let i = 0; i < 100; i++) {
        const { body } = await call('GET', `/servers/${serverId}`);
        if ((body.server as Json).status === status) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`never ${status}`);
    };
    const socketPathOf = (url: string) => {
      const path = new URL(url).searchParams.get('path') ?? '';
      return `ws://${new URL(sim.url).host}/${path}`;
    };

    beforeAll(async () => {
      sim = await startSim({ dataDir: null, delays: { buildMs: 50, actionMs: 50, volumeMs: 50 } });
      const auth = await fetch(`${sim.url}/identity/v3/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          auth: {
            identity: {
              methods: ['password'],
              password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'admin' } },
            },
            scope: { project: { name: 'admin', domain: { name: 'Default' } } },
          },
        }),
      });
      token = auth.headers.get('x-subject-token') ?? '';
      const catalog = ((await auth.json()) as { token: { catalog: Json[] } }).token.catalog;
      const compute = catalog.find((s) => s.type === 'compute') as { endpoints: Json[] };
      computeUrl = String(compute.endpoints[0]?.url);
      const images = await fetch(`${sim.url}/image/v2/images`, {
        headers: { 'x-auth-token': token },
      });
      const imageId = ((await images.json()) as { images: Json[] }).images[0]?.id;
      const created = await call('POST', '/servers', {
        server: { name: 'console-vm', imageRef: imageId, flavorRef: '1', networks: 'none' },
      });
      serverId = String((created.body.server as Json).id);
      await waitForStatus('ACTIVE');
    });
    afterAll(async () => {
      await sim?.stop();
    });

    it('gives a noVNC URL whose one-time token opens the VNC server over a binary WebSocket', async () => {
      const { status, body } = await call('POST', `/servers/${serverId}/remote-consoles`, {
        remote_console: { protocol: 'vnc', type: 'novnc' },
      });
      expect(status).toBe(200);
      const console = body.remote_console as { url: string; protocol: string; type: string };
      expect(console).toMatchObject({ protocol: 'vnc', type: 'novnc' });
      expect(console.url).toMatch(
        new RegExp(
          `^${sim.url}/console/vnc_auto\\.html\\?path=console%2Fwebsockify%3Ftoken%3D[0-9a-f-]{36}$`,
        ),
      );
      // Lazy: no VNC server (nor framebuffer) until a console client connects.
      expect(consoleHubOf(sim.ctx).stats()).toEqual({ vncServers: 0, clients: 0 });
      const socket = await openBinarySocket(socketPathOf(console.url));
      expect(socket.protocol).toBe('binary');
      expect(consoleHubOf(sim.ctx).stats()).toEqual({ vncServers: 1, clients: 1 });
      const send = (b: Buffer) => socket.send(b);
      const init = await rfbHandshake(socket.queue, send);
      expect(init).toMatchObject({ width: 640, height: 400, name: 'console-vm' });
      const rects = await rfbRequestUpdate(socket.queue, send, {
        incremental: false,
        width: 640,
        height: 400,
      });
      expect(rects[0]?.data.length).toBe(640 * 400 * 4);
      socket.close();
      await vi.waitFor(() => expect(consoleHubOf(sim.ctx).stats().clients).toBe(0));
      // One time only.
      await expect(openBinarySocket(socketPathOf(console.url))).rejects.toThrow('401');
    });

    it('keeps the legacy os-getVNCConsole action for microversions below 2.6', async () => {
      const legacy = await call(
        'POST',
        `/servers/${serverId}/action`,
        { 'os-getVNCConsole': { type: 'novnc' } },
        '2.1',
      );
      expect(legacy.status).toBe(200);
      expect((legacy.body.console as Json).url).toContain('/console/vnc_auto.html?path=');
      const newer = await call('POST', `/servers/${serverId}/action`, {
        'os-getVNCConsole': { type: 'novnc' },
      });
      expect(newer.status).toBe(404);
      const spice = await call('POST', `/servers/${serverId}/remote-consoles`, {
        remote_console: { protocol: 'spice', type: 'spice-html5' },
      });
      expect(spice.status).toBe(400);
    });

    it('stops the VNC server when the instance stops, and refuses a console then', async () => {
      const hub = consoleHubOf(sim.ctx);
      const lease = await hub.acquire(serverId);
      expect(lease?.port).toEqual(expect.any(Number));
      expect(hub.stats().vncServers).toBe(1);
      expect((await call('POST', `/servers/${serverId}/action`, { 'os-stop': null })).status).toBe(
        202,
      );
      await waitForStatus('SHUTOFF');
      await vi.waitFor(() => expect(hub.stats().vncServers).toBe(0));
      lease?.release();
      expect(await hub.acquire(serverId)).toBeNull();
      const refused = await call('POST', `/servers/${serverId}/remote-consoles`, {
        remote_console: { protocol: 'vnc', type: 'novnc' },
      });
      expect(refused).toMatchObject({ status: 409 });
      expect(JSON.stringify(refused.body)).toContain('is not ready');
    });
  },
);
