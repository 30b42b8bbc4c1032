import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { neutronError, OpenStackError, sendOpenStackError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { defaultNetworkQuota, networkSlice, type NetworkQuota } from './network-state';

export const V2 = '/network/v2.0';

/** Any JSON value as text (objects as JSON, never "[object Object]"). */
export const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value) ?? String(value);
};

type Query = Record<string, string | string[] | undefined>;
const reserved = new Set(['fields', 'limit', 'marker', 'sort_key', 'sort_dir', 'page_reverse']);

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const matches = (actual: unknown, wanted: string[]): boolean => {
  if (Array.isArray(actual)) return actual.some((item) => matches(item, wanted));
  const shown = actual === null || actual === undefined ? '' : text(actual);
  return wanted.some((w) => w.toLowerCase() === shown.toLowerCase());
};

export const pickFields = (item: Record<string, unknown>, fields: string[]) =>
  fields.length === 0
    ? item
    : Object.fromEntries(Object.entries(item).filter(([key]) => fields.includes(key)));

/**
 * Neutron list semantics: filter by any attribute (repeatable), `fields=`, `sort_key`/`sort_dir`,
 * `limit`/`marker` with `<collection>_links` pointing at the next page.
 */
export const listReply = (
  request: FastifyRequest,
  collection: string,
  items: Record<string, unknown>[],
) => {
  const query = request.query as Query;
  let rows = items.filter((item) =>
    Object.entries(query).every(([key, value]) => {
      if (reserved.has(key) || key.startsWith('tags')) return true;
      if (!(key in item)) return true;
      return matches(item[key], asList(value));
    }),
  );
  const tags = asList(query.tags).flatMap((t) => t.split(','));
  if (tags.length > 0) {
    rows = rows.filter((item) => tags.every((t) => (item.tags as string[]).includes(t)));
  }
  const sortKeys = asList(query.sort_key);
  const sortDirs = asList(query.sort_dir);
  const keys = sortKeys.length > 0 ? sortKeys : ['created_at', 'id'];
  rows = [...rows].sort((a, b) => {
    for (const [index, key] of keys.entries()) {
      const left = text(a[key] ?? '');
      const right = text(b[key] ?? '');
      const order = left < right ? -1 : left > right ? 1 : 0;
      if (order !== 0) return sortDirs[index] === 'desc' ? -order : order;
    }
    return 0;
  });
  const marker = asList(query.marker)[0];
  if (marker) {
    const at = rows.findIndex((row) => row.id === marker);
    if (at < 0) {
      throw neutronError(404, 'NotFound', `Marker ${marker} could not be found.`);
    }
    rows = rows.slice(at + 1);
  }
  const limitText = asList(query.limit)[0];
  const limit = limitText && /^\d+$/.test(limitText) ? Number(limitText) : 0;
  const body: Record<string, unknown> = {};
  if (limit > 0 && rows.length > limit) {
    rows = rows.slice(0, limit);
    const last = rows[rows.length - 1];
    const url = new URL(request.url, 'http://sim.invalid');
    url.searchParams.set('marker', String(last?.id));
    url.searchParams.set('limit', String(limit));
    const base = `${request.protocol}://${request.host}`;
    body[`${collection}_links`] = [{ rel: 'next', href: `${base}${url.pathname}${url.search}` }];
  }
  const fields = asList(query.fields);
  body[collection] = rows.map((row) => pickFields(row, fields));
  return body;
};

export const showReply = (request: FastifyRequest, key: string, item: Record<string, unknown>) => ({
  [key]: pickFields(item, asList((request.query as Query).fields)),
});

/** The JSON object under `key` in the request body, or Neutron's 400. */
export const bodyOf = (request: FastifyRequest, key: string): Record<string, unknown> => {
  const body = request.body as Record<string, unknown> | null | undefined;
  const inner = body?.[key];
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) {
    throw neutronError(400, 'BadRequest', `Bad ${key}s request: Resource body required.`);
  }
  return inner as Record<string, unknown>;
};

export const badRequest = (message: string) => neutronError(400, 'HTTPBadRequest', message);

export const str = (value: unknown, field: string): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw badRequest(`Invalid input for ${field}. Reason: '${text(value)}' is not a valid string.`);
  }
  return value;
};

export const bool = (value: unknown, field: string): boolean | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  throw badRequest(
    `Invalid input for ${field}. Reason: '${text(value)}' is not a valid boolean value.`,
  );
};

/** A project may see its own records; admins see everything. */
export const visible = (caller: SimCaller, record: { project_id: string }) =>
  caller.isAdmin || record.project_id === caller.projectId;

/** Who owns a new record: the caller, or the `project_id`/`tenant_id` an admin names. */
export const ownerOf = (caller: SimCaller, body: Record<string, unknown>): string => {
  const named = str(body.project_id, 'project_id') ?? str(body.tenant_id, 'tenant_id');
  if (named && named !== caller.projectId && !caller.isAdmin) {
    throw neutronError(
      403,
      'HTTPForbidden',
      "Specifying 'project_id' or 'tenant_id' other than the authenticated project in request requires admin privileges",
    );
  }
  return named ?? caller.projectId;
};

export const notFound = (type: string, message: string) => neutronError(404, type, message);

export const quotaOf = (ctx: SimContext, projectId: string): NetworkQuota => ({
  ...defaultNetworkQuota,
  ...networkSlice(ctx).quotas[projectId],
});

/** Refuses with OverQuota 409 when `used + 1` would pass the project's limit (-1 = unlimited). */
export const checkQuota = (
  ctx: SimContext,
  projectId: string,
  resource: keyof NetworkQuota,
  used: number,
) => {
  const limit = quotaOf(ctx, projectId)[resource];
  if (limit >= 0 && used + 1 > limit) {
    throw neutronError(409, 'OverQuota', `Quota exceeded for resources: ['${resource}'].`);
  }
};

/** How many records of a collection a project owns (for quota checks). */
export const countOwned = (records: Record<string, { project_id: string }>, projectId: string) =>
  Object.values(records).filter((r) => r.project_id === projectId).length;

/** GET `<collection>` (Neutron list semantics, caller's records only) and GET `<collection>/:id`. */
export const registerReadRoutes = <T>(
  app: FastifyInstance,
  ctx: SimContext,
  spec: {
    path: string;
    collection: string;
    member: string;
    rows: () => T[];
    visible: (caller: SimCaller, row: T) => boolean;
    find: (caller: SimCaller, id: string) => T;
    /** The view of a row for this caller (some fields are admin-only). */
    render: (row: T, caller: SimCaller) => Record<string, unknown>;
  },
) => {
  app.get(`${V2}/${spec.path}`, (request) => {
    const caller = ctx.caller(request);
    const rows = spec.rows().filter((row) => spec.visible(caller, row));
    return listReply(
      request,
      spec.collection,
      rows.map((row) => spec.render(row, caller)),
    );
  });
  app.get<{ Params: { id: string } }>(`${V2}/${spec.path}/:id`, (request) => {
    const caller = ctx.caller(request);
    return showReply(
      request,
      spec.member,
      spec.render(spec.find(caller, request.params.id), caller),
    );
  });
};

/** Turns every error in the Neutron scope into a NeutronError body. */
export const neutronErrorHandler = (
  error: FastifyError | OpenStackError,
  _request: FastifyRequest,
  reply: FastifyReply,
) => {
  if (error instanceof OpenStackError) return sendOpenStackError(reply, error);
  const status = error.statusCode ?? 500;
  if (status >= 500) reply.log.error(error);
  const type =
    status === 404 ? 'HTTPNotFound' : status >= 500 ? 'HTTPInternalServerError' : 'HTTPBadRequest';
  const message =
    status >= 500
      ? 'Request Failed: internal server error while processing your request.'
      : error.message;
  return sendOpenStackError(reply, neutronError(status, type, message));
};

export type Scope = FastifyInstance;
