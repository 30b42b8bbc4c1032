import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './forward-headers';
import type { RouteMatch, Upstreams } from './match-route';
import { rewriteCatalog } from './rewrite-catalog';
import { sendError } from './send-json';
import { requestUpstream } from './upstream-agents';

/** Token responses are small; anything bigger is not a catalog we should hold in memory. */
const maxCatalogBytes = 8 * 1024 * 1024;

/** Is this a Keystone call whose answer carries a service catalog? */
export const isCatalogRequest = (method: string | undefined, rawUrl: string): boolean => {
  const path = rawUrl.split('?')[0]?.replace(/\/+$/, '');
  if (path === undefined || !path.startsWith('/identity/')) return false;
  if (path.endsWith('/v3/auth/tokens')) return method === 'POST' || method === 'GET';
  return method === 'GET' && path.endsWith('/v3/auth/catalog');
};

/**
 * Proxy a token/catalog call and rewrite the catalog so every endpoint points back through the
 * tunnel. The request body streams; only the (JSON) answer is buffered, uncompressed.
 */
export const proxyCatalog = (
  req: IncomingMessage,
  res: ServerResponse,
  route: RouteMatch,
  tunnelBase: string | null,
  upstreams: Upstreams,
  log: Logger,
): void => {
  const { target } = route;
  const headers = upstreamRequestHeaders(req.headers, route);
  delete headers['accept-encoding'];
  const upstream = requestUpstream(target, { method: req.method, headers }, (upRes) => {
    const outHeaders = downstreamResponseHeaders(upRes.headers);
    const isJson = String(upRes.headers['content-type'] ?? '').includes('json');
    if (tunnelBase === null || !isJson || upRes.headers['content-encoding'] !== undefined) {
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, outHeaders);
      upRes.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    upRes.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxCatalogBytes) {
        upRes.destroy();
        if (!res.headersSent)
          sendError(res, 502, 'UPSTREAM_UNAVAILABLE', 'token response too large');
        return;
      }
      chunks.push(chunk);
    });
    upRes.on('end', () => {
      let body = Buffer.concat(chunks);
      try {
        const rewritten = rewriteCatalog(JSON.parse(body.toString('utf8')), tunnelBase, upstreams);
        body = Buffer.from(JSON.stringify(rewritten));
      } catch {
        log.warn(
          { upstream: target.origin },
          'token response is not JSON; passed through unchanged',
        );
      }
      outHeaders['content-length'] = body.length;
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, outHeaders);
      res.end(body);
    });
    upRes.on('error', () => res.destroy());
  });
  upstream.on('error', (err) => {
    log.warn({ upstream: target.origin, err: err.message }, 'identity upstream request failed');
    if (res.headersSent) res.destroy();
    else sendError(res, 502, 'UPSTREAM_UNAVAILABLE', `upstream ${target.host} is not reachable`);
  });
  req.pipe(upstream);
};
