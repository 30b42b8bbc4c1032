import type { FastifyRequest } from 'fastify';

/**
 * Base for links a service writes into its bodies (version documents, `self` links). Behind a
 * proxy that sends `X-Forwarded-Host` (as OpenStack's http_proxy_to_wsgi honours; the agent's
 * router sends it) it is the caller's absolute origin, with `X-Forwarded-Prefix` when the proxy
 * serves the simulator under a path; otherwise it is empty, so links are path-absolute
 * (`/image/v2/`) and clients resolve them against the URL they called.
 */
export const linkBase = (request: FastifyRequest): string => {
  const host = first(request.headers['x-forwarded-host']);
  if (host === undefined || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return '';
  const proto = first(request.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
  const prefix = first(request.headers['x-forwarded-prefix']) ?? '';
  return `${proto}://${host}${/^(\/[A-Za-z0-9._~-]+)*$/.test(prefix) ? prefix : ''}`;
};

const first = (v: string | string[] | undefined): string | undefined =>
  Array.isArray(v) ? v[0] : v?.split(',')[0]?.trim();

/**
 * Absolute origin of the address the client called: the proxy's X-Forwarded-Host when there is
 * one, else the request's Host header (what a client that called us directly used), else the
 * simulator's own listener. Links, version documents and console URLs are built from it.
 */
export const originOf = (request: FastifyRequest, fallback: string): string => {
  const forwarded = linkBase(request);
  if (forwarded !== '') return forwarded;
  const host = request.headers.host;
  return host !== undefined && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? `http://${host}` : fallback;
};
