import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AgentConfig } from '../config/agent-config';
import type { Logger } from '../logger';
import type { UpstreamChecker } from './check-upstreams';
import { hasValidSecret, secretHeader } from './check-secret';
import { matchRoute } from './match-route';
import { isCatalogRequest, proxyCatalog } from './proxy-catalog';
import { proxyHttp } from './proxy-http';
import { proxyUpgrade } from './proxy-upgrade';
import { sendError } from './send-json';
import { serveHealthz, serveInfo } from './serve-agent-endpoints';
import { serveLocalEndpoint, type LocalEndpoints } from './serve-local-endpoints';

export type RouterOptions = {
  /** Only what the router reads, so a standalone (not enrolled) sim agent can build one too. */
  config: Pick<AgentConfig, 'router' | 'routerSecret' | 'datacenterId'>;
  /** Tunnel side: every request but /agent/healthz must carry the datacenter secret. */
  requireSecret: boolean;
  upstreams: UpstreamChecker;
  startedAt: Date;
  log: Logger;
  /**
   * What only the operators' local listener serves: the metrics relay (`/write`, `/ping`) and,
   * in sim mode, the simulator's spike control. Filled in once monitoring has started.
   */
  local?: LocalEndpoints;
};

/**
 * The L7 router: `/agent/*` are its own; `/<service>/…` streams to the upstream of that prefix;
 * Keystone token answers get their catalog rewritten; WebSocket upgrades pass through.
 */
export const createRouter = (opts: RouterOptions): Server => {
  const { config, log } = opts;
  const upstreamUrls = config.router.upstreams;
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => handle(req, res));

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    if (path === '/agent/healthz' && req.method === 'GET') return serveHealthz(res, opts.upstreams);
    if (opts.requireSecret && !hasValidSecret(req.headers[secretHeader], config.routerSecret)) {
      log.warn({ method: req.method, path }, 'request without a valid agent secret refused');
      return sendError(res, 401, 'UNAUTHENTICATED', `missing or wrong ${secretHeader}`);
    }
    if (path === '/agent/info' && req.method === 'GET') {
      return serveInfo(res, {
        datacenterId: config.datacenterId,
        startedAt: opts.startedAt,
        upstreams: opts.upstreams,
        monitoring: opts.local?.relay?.status() ?? null,
      });
    }
    if (opts.local && serveLocalEndpoint(req, res, path ?? '/', opts.local, log)) return;
    const route = matchRoute(url, upstreamUrls);
    if (route === null) return sendError(res, 404, 'NOT_FOUND', `no upstream serves ${path}`);
    if (isCatalogRequest(req.method, url)) {
      return proxyCatalog(req, res, route, tunnelBaseOf(req), upstreamUrls, log);
    }
    proxyHttp(req, res, route, log);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (opts.requireSecret && !hasValidSecret(req.headers[secretHeader], config.routerSecret)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const route = matchRoute(req.url ?? '/', upstreamUrls);
    if (route === null) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    proxyUpgrade(req, socket, head, route, log);
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  return server;
};

/** Catalog URLs point back to wherever the caller reached us: `http://<Host header>`. */
const tunnelBaseOf = (req: IncomingMessage): string | null => {
  const host = req.headers.host;
  return host !== undefined && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? `http://${host}` : null;
};
