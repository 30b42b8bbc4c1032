import { type RoutePrefix, routePrefixes } from '../config/agent-config';

export type Upstreams = Partial<Record<RoutePrefix, string>>;
/**
 * `forwardedPrefix`: the path the caller used that the upstream does not see (`/compute` when the
 * upstream is served at its root, as `http://ctl:8774`), sent as X-Forwarded-Prefix; null when
 * the upstream's own path is the prefix (the simulator, DevStack-style `http://ctl/compute`).
 */
export type RouteMatch = { prefix: RoutePrefix; target: URL; forwardedPrefix: string | null };

/**
 * Map `/<prefix>/<rest>?<query>` to `<upstream base><rest>?<query>`. Returns null for an unknown
 * prefix, an unconfigured upstream, or a path with `..` segments.
 */
export const matchRoute = (rawUrl: string, upstreams: Upstreams): RouteMatch | null => {
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const search = queryAt === -1 ? '' : rawUrl.slice(queryAt);
  if (!path.startsWith('/')) return null;
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || s === '.' || decodeSafe(s) === '..')) return null;
  const first = segments[1] ?? '';
  const prefix = routePrefixes.find((p) => p === first);
  if (prefix === undefined) return null;
  const base = upstreams[prefix];
  if (base === undefined) return null;
  const rest = path.slice(prefix.length + 1);
  const upstream = new URL(base);
  const basePath = upstream.pathname.replace(/\/+$/, '');
  const target = new URL(upstream.origin);
  target.pathname = `${basePath}${rest}` || '/';
  target.search = search;
  return { prefix, target, forwardedPrefix: basePath === '' ? `/${prefix}` : null };
};

const decodeSafe = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};
