import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../core/sim-context';
import { createConsoleHub, type ConsoleHub, type RunningServer } from './console-hub';
import { attachConsoleProxy, consoleSocketPath } from './console-proxy';

export type { ConsoleHub } from './console-hub';
export { consoleSocketPath } from './console-proxy';

const hubs = new WeakMap<SimContext, ConsoleHub>();

/** The console hub of a running simulator (compute's remote-consoles routes issue its tokens). */
export const consoleHubOf = (ctx: SimContext): ConsoleHub => {
  const hub = hubs.get(ctx);
  if (!hub) throw new Error('the console service is not registered');
  return hub;
};

/** `<base>/console/vnc_auto.html?path=console%2Fwebsockify%3Ftoken%3D…`, like nova-novncproxy's. */
export const consoleUrl = (base: string, token: string): string =>
  `${base}/console/vnc_auto.html?path=${encodeURIComponent(
    `${consoleSocketPath.slice(1)}?token=${token}`,
  )}`;

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>Simulated console</title></head>
<body><p>This is the simulated datacenter's console proxy. Connect a noVNC client (binary
WebSocket frames) to the <code>path</code> of this page's query string.</p></body></html>
`;

/**
 * The console proxy (nova-novncproxy's role) on the simulator's own listener: the page under
 * /console and the WebSocket relay at /console/websockify; VNC servers start for their first client.
 */
export const registerConsole = (
  app: FastifyInstance,
  ctx: SimContext,
  findRunning: (serverId: string) => RunningServer | null,
): ConsoleHub => {
  const hub = createConsoleHub({
    findRunning,
    onError: (serverId, error) =>
      ctx.notify({
        event_type: 'sim.console.error',
        publisher_id: 'nova-novncproxy.localhost',
        priority: 'ERROR',
        payload: {
          instance_id: serverId,
          message: error instanceof Error ? error.message : String(error),
        },
      }),
  });
  hubs.set(ctx, hub);
  for (const path of ['/console/vnc_auto.html', '/console/vnc_lite.html'])
    app.get(path, (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  // Console bookkeeping for tests and the bench: started VNC servers and connected clients.
  app.get('/console/stats', (_request, reply) => reply.send(hub.stats()));
  const closeProxy = attachConsoleProxy(app.server, hub);
  return {
    ...hub,
    stop: async () => {
      closeProxy();
      await hub.stop();
    },
  };
};
