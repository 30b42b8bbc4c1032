import type { FastifyRequest } from 'fastify';

/**
 * Base for links a service writes into its bodies (version documents, `self` links). Behind a
 * proxy that sends `X-Forwarded-Host` (as OpenStack's http_proxy_to_wsgi honours) it is the
 * caller's absolute origin; otherwise it is empty, so links are path-absolute (`/image/v2/`) and
 * clients resolve them against the URL they called — which is right both directly and through
 * the agent's router, whose prefixes equal the simulator's.
 */
export const linkBase = (request: FastifyRequest): string => {
  const host = first(request.headers['x-forwarded-host']);
  if (host === undefined || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return '';
  const proto = first(request.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
};

const first = (v: string | string[] | undefined): string | undefined =>
  Array.isArray(v) ? v[0] : v?.split(',')[0]?.trim();
