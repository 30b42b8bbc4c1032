import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { novaError, OpenStackError, sendOpenStackError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';

export const MIN_VERSION = '2.1';
export const MAX_VERSION = '2.93';
const maxMinor = 93;

/** Requested compute microversion as a minor number (2.x → x); default 2.1, 'latest' → max. */
export const microversion = (request: FastifyRequest): number => {
  const header = request.headers['openstack-api-version'];
  const generic = typeof header === 'string' ? /compute\s+(\S+)/i.exec(header)?.[1] : undefined;
  const legacy = request.headers['x-openstack-nova-api-version'];
  const raw = generic ?? (typeof legacy === 'string' ? legacy.trim() : undefined);
  if (!raw) return 1;
  if (raw === 'latest') return maxMinor;
  const match = /^2\.(\d+)$/.exec(raw);
  if (!match) throw novaError('badRequest', `Invalid API version request: ${raw}`);
  return Number(match[1]);
};

export const atLeast = (request: FastifyRequest, minor: number) => microversion(request) >= minor;

export const requireAdmin = (caller: SimCaller, what: string) => {
  if (!caller.isAdmin)
    throw novaError('forbidden', `Policy doesn't allow ${what} to be performed.`);
};

export const requestIdOf = (request: FastifyRequest): string =>
  (request as FastifyRequest & { novaRequestId?: string }).novaRequestId ?? `req-${randomUUID()}`;

export type Body = Record<string, unknown>;

export const bodyOf = (request: FastifyRequest): Body => {
  const body = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw novaError('badRequest', 'The request body is not a JSON object.');
  return body as Body;
};

export const objectIn = (body: Body, key: string): Body => {
  const value = body[key];
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw novaError(
      'badRequest',
      `Invalid input for field/attribute ${key}. '${key}' is a required property`,
    );
  return value as Body;
};

export const str = (value: unknown, field: string, required = true): string | undefined => {
  if (value === undefined || value === null) {
    if (required)
      throw novaError(
        'badRequest',
        `Invalid input for field/attribute ${field}. '${field}' is a required property`,
      );
    return undefined;
  }
  if (typeof value !== 'string')
    throw novaError(
      'badRequest',
      `Invalid input for field/attribute ${field}. Value: ${JSON.stringify(value)}. ${JSON.stringify(value)} is not of type 'string'`,
    );
  return value;
};

export const int = (value: unknown, field: string, min = 0): number => {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min)
    throw novaError(
      'badRequest',
      `Invalid input for field/attribute ${field}. Value: ${String(value)}. It must be an integer >= ${min}`,
    );
  return n;
};

export const query = (request: FastifyRequest): Record<string, string | string[]> =>
  (request.query ?? {}) as Record<string, string | string[]>;

export const firstOf = (v: string | string[] | undefined): string | undefined =>
  Array.isArray(v) ? v[0] : v;

/** Request id, microversion headers and Nova fault bodies for every route in the scope. */
export const installNovaHttp = (scope: FastifyInstance, ctx: SimContext) => {
  scope.addHook('onRequest', async (request, reply) => {
    const id = `req-${randomUUID()}`;
    (request as FastifyRequest & { novaRequestId?: string }).novaRequestId = id;
    void reply.header('x-compute-request-id', id).header('x-openstack-request-id', id);
    const minor = microversion(request);
    if (minor < 1 || minor > maxMinor)
      throw new OpenStackError(406, {
        computeFault: {
          code: 406,
          message: `Version 2.${minor} is not supported by the API. Minimum is ${MIN_VERSION} and maximum is ${MAX_VERSION}.`,
        },
      });
    void reply
      .header('openstack-api-version', `compute 2.${minor}`)
      .header('x-openstack-nova-api-version', `2.${minor}`)
      .header('vary', 'OpenStack-API-Version, X-OpenStack-Nova-API-Version');
  });
  scope.setNotFoundHandler((_request, reply) =>
    sendOpenStackError(reply, novaError('itemNotFound', 'The resource could not be found.')),
  );
  scope.setErrorHandler((error: unknown, _request, reply: FastifyReply) => {
    if (error instanceof OpenStackError) return sendOpenStackError(reply, error);
    const e = error as { statusCode?: number; message?: string };
    if (e.statusCode && e.statusCode < 500)
      return sendOpenStackError(reply, novaError('badRequest', e.message ?? 'Bad request'));
    ctx.notify({
      event_type: 'compute.api.error',
      publisher_id: 'nova-api',
      priority: 'ERROR',
      payload: { message: e.message ?? String(error) },
    });
    return sendOpenStackError(
      reply,
      novaError(
        'computeFault',
        'Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.',
      ),
    );
  });
};

export const versionDoc = (baseUrl: string) => ({
  id: 'v2.1',
  status: 'CURRENT',
  version: MAX_VERSION,
  min_version: MIN_VERSION,
  updated: '2013-07-23T11:33:21Z',
  links: [
    { rel: 'self', href: `${baseUrl}/compute/v2.1/` },
    { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' },
  ],
  'media-types': [
    { base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' },
  ],
});

/** A JSON scalar as a string (metadata and extra-spec values); objects are a 400. */
export const scalar = (value: unknown, field: string): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw novaError(
    'badRequest',
    `Invalid input for field/attribute ${field}. Value: ${JSON.stringify(value)}.`,
  );
};
