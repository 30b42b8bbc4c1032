import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './forward-headers';
import { sendError } from './send-json';
import type { RouteMatch } from './match-route';
import { requestUpstream } from './upstream-agents';

/** Stream a request to the upstream and the answer back, without buffering either body. */
export const proxyHttp = (
  req: IncomingMessage,
  res: ServerResponse,
  route: RouteMatch,
  log: Logger,
): void => {
  const { target } = route;
  const upstream = requestUpstream(
    target,
    { method: req.method, headers: upstreamRequestHeaders(req.headers, route) },
    (upRes) => {
      res.writeHead(
        upRes.statusCode ?? 502,
        upRes.statusMessage,
        downstreamResponseHeaders(upRes.headers),
      );
      upRes.pipe(res);
      upRes.on('error', () => res.destroy());
    },
  );
  upstream.on('error', (err) => {
    log.warn({ upstream: target.origin, err: err.message }, 'upstream request failed');
    if (res.headersSent) res.destroy();
    else sendError(res, 502, 'UPSTREAM_UNAVAILABLE', `upstream ${target.host} is not reachable`);
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
};
