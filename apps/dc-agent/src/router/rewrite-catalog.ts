import type { RoutePrefix } from '../config/agent-config';
import type { Upstreams } from './match-route';

/** Keystone service types and the router prefix that serves each. */
const prefixOfServiceType: Record<string, RoutePrefix> = {
  identity: 'identity',
  compute: 'compute',
  network: 'network',
  volume: 'volume',
  volumev2: 'volume',
  volumev3: 'volume',
  'block-storage': 'volume',
  image: 'image',
  placement: 'placement',
  baremetal: 'baremetal',
  'load-balancer': 'load-balancer',
};

/**
 * Point one catalog URL back through the tunnel: `<tunnelBase>/<prefix><path under upstream>`.
 * Matched first by the configured upstream base URL, then by the service type; a URL neither
 * can route is left as it is.
 */
export const rewriteEndpointUrl = (
  url: string,
  serviceType: string | undefined,
  tunnelBase: string,
  upstreams: Upstreams,
): string => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const base = tunnelBase.replace(/\/+$/, '');
  const byBase = (Object.entries(upstreams) as [RoutePrefix, string][])
    .map(([prefix, upstream]) => ({ prefix, upstream: new URL(upstream) }))
    .filter(
      ({ upstream }) =>
        upstream.origin === parsed.origin && underPath(parsed.pathname, upstream.pathname),
    )
    .sort((a, b) => b.upstream.pathname.length - a.upstream.pathname.length)[0];
  if (byBase !== undefined) {
    return `${base}/${byBase.prefix}${stripPath(parsed.pathname, byBase.upstream.pathname)}${parsed.search}`;
  }
  const prefix = serviceType === undefined ? undefined : prefixOfServiceType[serviceType];
  const upstream = prefix === undefined ? undefined : upstreams[prefix];
  if (prefix === undefined || upstream === undefined) return url;
  const upstreamPath = new URL(upstream).pathname;
  const rest = underPath(parsed.pathname, upstreamPath)
    ? stripPath(parsed.pathname, upstreamPath)
    : parsed.pathname;
  return `${base}/${prefix}${rest === '/' ? '' : rest}${parsed.search}`;
};

/** Rewrite every endpoint URL of a token (`{ token: { catalog } }`) or catalog (`{ catalog }`) body. */
export const rewriteCatalog = (
  body: unknown,
  tunnelBase: string,
  upstreams: Upstreams,
): unknown => {
  if (!isObject(body)) return body;
  if (isObject(body.token) && Array.isArray(body.token.catalog)) {
    return {
      ...body,
      token: { ...body.token, catalog: rewriteServices(body.token.catalog, tunnelBase, upstreams) },
    };
  }
  if (Array.isArray(body.catalog)) {
    return { ...body, catalog: rewriteServices(body.catalog, tunnelBase, upstreams) };
  }
  return body;
};

const rewriteServices = (
  services: unknown[],
  tunnelBase: string,
  upstreams: Upstreams,
): unknown[] =>
  services.map((service) => {
    if (!isObject(service) || !Array.isArray(service.endpoints)) return service;
    const type = typeof service.type === 'string' ? service.type : undefined;
    return {
      ...service,
      endpoints: service.endpoints.map((endpoint: unknown) =>
        isObject(endpoint) && typeof endpoint.url === 'string'
          ? { ...endpoint, url: rewriteEndpointUrl(endpoint.url, type, tunnelBase, upstreams) }
          : endpoint,
      ),
    };
  });

const trimSlash = (p: string) => p.replace(/\/+$/, '');
const underPath = (path: string, base: string): boolean => {
  const b = trimSlash(base);
  return b === '' || path === b || path.startsWith(`${b}/`);
};
const stripPath = (path: string, base: string): string => {
  const rest = path.slice(trimSlash(base).length);
  return rest === '/' ? '' : rest;
};
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
