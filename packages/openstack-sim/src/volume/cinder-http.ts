import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { cinderError, OpenStackError, sendOpenStackError } from '../core/errors';
import { originOf } from '../core/link-base';
import type { SimContext } from '../core/sim-context';
import { timeFilterKeys, timeFilterOf } from './list-time-filters';
import { quotaViolation, type QuotaRequest } from './volume-quota';
import { quotaFor, usageFor } from './volume-state';

export const V3 = '/volume/v3/:projectId';
/** Any JSON value as text (objects as JSON, never "[object Object]"). */
export const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value) ?? String(value);
};

/** Whether the request asked for `volume X.Y` at least (none is 3.0; `latest` is 3.70). */
export const atLeast = (request: FastifyRequest, major: number, minor: number): boolean => {
  const asked = request.headers['openstack-api-version'];
  let version: [number, number] = [3, 0];
  if (typeof asked === 'string') {
    const found = /volume\s+(\d+)\.(\d+)/.exec(asked);
    if (/volume\s+latest/.test(asked)) version = [3, 70];
    else if (found) version = [Number(found[1]), Number(found[2])];
  }
  return version[0] > major || (version[0] === major && version[1] >= minor);
};

export type ProjectParams = { projectId: string };
export type IdParams = { projectId: string; id: string };

type Query = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const paging = new Set([
  'limit',
  'marker',
  'sort',
  'sort_key',
  'sort_dir',
  'all_tenants',
  'offset',
  'with_count',
  'project_id',
]);

/** Cinder list semantics: filters on top-level fields, sort=key:dir, limit/marker with links. */
export const pageOf = <T extends { id: string }>(
  ctx: SimContext,
  request: FastifyRequest,
  collection: string,
  items: T[],
  filterView: (item: T) => Record<string, unknown>,
) => {
  const query = request.query as Query;
  const inTime = timeFilterOf(query);
  let rows = items.filter((item) => {
    const view = filterView(item);
    return (
      inTime(view) &&
      Object.entries(query).every(([key, value]) => {
        if (paging.has(key) || timeFilterKeys.has(key) || !(key in view) || value === undefined)
          return true;
        return String(view[key]) === first(value);
      })
    );
  });
  const sortSpec =
    first(query.sort) ??
    (query.sort_key
      ? `${first(query.sort_key)}:${first(query.sort_dir) ?? 'desc'}`
      : 'created_at:desc');
  const specs = sortSpec.split(',').map((part) => {
    const [key = 'created_at', dir = 'desc'] = part.split(':');
    if (dir !== 'asc' && dir !== 'desc')
      throw cinderError(
        'badRequest',
        `Invalid input received: Unknown sort direction, must be 'desc' or 'asc'`,
      );
    return { key, dir };
  });
  const limitRaw = first(query.limit);
  if (limitRaw !== undefined && !/^\d+$/.test(limitRaw))
    throw cinderError(
      'badRequest',
      /^-\d+$/.test(limitRaw) ? 'limit param must be positive' : 'limit param must be an integer',
    );
  rows = [...rows].sort((a, b) => {
    const va = filterView(a);
    const vb = filterView(b);
    for (const { key, dir } of specs) {
      const left = text(va[key] ?? '');
      const right = text(vb[key] ?? '');
      const order = left < right ? -1 : left > right ? 1 : 0;
      if (order !== 0) return dir === 'asc' ? order : -order;
    }
    return a.id < b.id ? 1 : -1;
  });
  const marker = first(query.marker);
  if (marker) {
    const at = rows.findIndex((row) => row.id === marker);
    // Cinder looks the marker up as a resource: an unknown one is that resource's 404.
    const kind = `${collection.charAt(0).toUpperCase()}${collection.slice(1, -1)}`;
    if (at < 0) throw cinderError('itemNotFound', `${kind} ${marker} could not be found.`);
    rows = rows.slice(at + 1);
  }
  const offsetText = first(query.offset);
  if (offsetText !== undefined) {
    // oslo's validate_integer wording, as Cinder answers it.
    if (!/^-?\d+$/.test(offsetText)) throw cinderError('badRequest', 'offset must be an integer');
    if (Number(offsetText) < 0) throw cinderError('badRequest', 'offset must be >= 0');
    rows = rows.slice(Number(offsetText));
  }
  const limitText = first(query.limit);
  const limit = limitText && /^\d+$/.test(limitText) ? Number(limitText) : 0;
  let links: { rel: string; href: string }[] | undefined;
  if (limit > 0 && rows.length > limit) {
    rows = rows.slice(0, limit);
    const origin = originOf(request, ctx.baseUrl);
    const url = new URL(request.url, origin);
    url.searchParams.delete('offset');
    url.searchParams.set('marker', rows[rows.length - 1]?.id ?? '');
    url.searchParams.set('limit', String(limit));
    links = [{ rel: 'next', href: `${origin}${url.pathname}${url.search}` }];
  }
  return { rows, links, linksKey: `${collection}_links` };
};

/** self and bookmark links, on the origin the client called (see core/link-base.ts). */
export const resourceLinks = (
  origin: string,
  projectId: string,
  collection: string,
  id: string,
) => [
  { rel: 'self', href: `${origin}/volume/v3/${projectId}/${collection}/${id}` },
  { rel: 'bookmark', href: `${origin}/volume/${projectId}/${collection}/${id}` },
];

export const bodyOf = (request: FastifyRequest, key: string): Record<string, unknown> => {
  const body = request.body as Record<string, unknown> | null | undefined;
  const inner = body?.[key];
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) {
    throw cinderError('badRequest', `Missing required element '${key}' in request body.`);
  }
  return inner as Record<string, unknown>;
};

export const optionalString = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw cinderError(
      'badRequest',
      `Invalid input for field/attribute ${field}. Value: ${text(value)}. ${text(value)} is not of type 'string'`,
    );
  return value;
};

export const sizeOf = (value: unknown, field = 'size'): number => {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw cinderError(
      'badRequest',
      `Invalid input for field/attribute ${field}. Value: ${String(value)}. ${String(value)} is not of type 'integer' or less than the minimum of 1`,
    );
  }
  return n;
};

/** Throws Cinder's 413 overLimit when the request does not fit the project's quota. */
export const enforceQuota = (
  ctx: SimContext,
  projectId: string,
  request: QuotaRequest,
  kind: 'volume' | 'snapshot' | 'backup' = 'volume',
) => {
  const message = quotaViolation(quotaFor(ctx, projectId), usageFor(ctx, projectId), request, kind);
  if (message) throw cinderError('overLimit', message);
};

export const cinderErrorHandler = (
  error: FastifyError | OpenStackError,
  _request: FastifyRequest,
  reply: FastifyReply,
) => {
  if (error instanceof OpenStackError) return sendOpenStackError(reply, error);
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    reply.log.error(error);
    return sendOpenStackError(
      reply,
      cinderError(
        'computeFault',
        'The server has either erred or is incapable of performing the requested operation.',
      ),
    );
  }
  return sendOpenStackError(reply, cinderError('badRequest', error.message, status));
};
