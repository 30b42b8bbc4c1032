import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { secretHeader } from './check-secret';
import type { RouteMatch } from './match-route';

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  secretHeader,
]);

const forwarded = new Set(['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-prefix']);
const hostPattern = /^[A-Za-z0-9.\-:[\]]+$/;

const firstOf = (v: string | string[] | undefined): string | undefined =>
  (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();

/**
 * Request headers for the upstream: no hop-by-hop headers, never the agent secret, `Host` set to
 * the upstream, and the address the caller used as X-Forwarded-Host / -Proto (/ -Prefix when the
 * upstream does not see the route's prefix), so that links the upstream writes into its answers
 * (version documents, volume links, console URLs) point back through this router
 * (oslo's http_proxy_to_wsgi and the simulator honour them). A proxy in front of the router may
 * have set them already; they are kept when well-formed, otherwise the caller's Host is used.
 */
export const upstreamRequestHeaders = (
  headers: IncomingHttpHeaders,
  route: Pick<RouteMatch, 'target' | 'forwardedPrefix'>,
): OutgoingHttpHeaders => {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHop.has(name) && name !== 'host' && !forwarded.has(name))
      out[name] = value;
  }
  out.host = route.target.host;
  const viaProxy = firstOf(headers['x-forwarded-host']);
  const host = viaProxy !== undefined && hostPattern.test(viaProxy) ? viaProxy : headers.host;
  if (host !== undefined && hostPattern.test(host)) {
    out['x-forwarded-host'] = host;
    const proto = viaProxy === host ? firstOf(headers['x-forwarded-proto']) : undefined;
    out['x-forwarded-proto'] = proto === 'https' ? 'https' : 'http';
  }
  const outerPrefix = viaProxy === host ? (firstOf(headers['x-forwarded-prefix']) ?? '') : '';
  const prefix = `${/^(\/[A-Za-z0-9._~-]+)*$/.test(outerPrefix) ? outerPrefix : ''}${route.forwardedPrefix ?? ''}`;
  if (prefix !== '') out['x-forwarded-prefix'] = prefix;
  return out;
};

/** Response headers for the caller: no hop-by-hop headers (Node frames the body itself). */
export const downstreamResponseHeaders = (headers: IncomingHttpHeaders): OutgoingHttpHeaders => {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHop.has(name)) out[name] = value;
  }
  return out;
};
