import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OpenStackError } from '../core/errors';

export const MIN_VERSION = '1.1';
export const MAX_VERSION = '1.81';
const maxMinor = Number(MAX_VERSION.split('.')[1]);

/** Ironic's error envelope: a JSON string inside `error_message` (WSME's faultstring shape). */
export const ironicError = (status: number, faultstring: string) =>
  new OpenStackError(status, {
    error_message: JSON.stringify({
      faultstring,
      faultcode: status >= 500 ? 'Server' : 'Client',
      debuginfo: null,
    }),
  });

const versions = new WeakMap<FastifyRequest, number>();

/** The negotiated minor version of a request (1.<minor>). */
export const minorOf = (request: FastifyRequest): number => versions.get(request) ?? 1;

const negotiate = (request: FastifyRequest): number => {
  const raw = request.headers['x-openstack-ironic-api-version'];
  const asked = typeof raw === 'string' ? raw.trim() : undefined;
  if (asked === undefined || asked === '') return 1;
  if (asked === 'latest') return maxMinor;
  const m = /^(\d+)\.(\d+)$/.exec(asked);
  if (!m)
    throw ironicError(400, `Invalid value for X-OpenStack-Ironic-API-Version header: ${asked}`);
  const minor = Number(m[2]);
  if (m[1] !== '1' || minor < 1 || minor > maxMinor)
    throw ironicError(
      406,
      `Version ${asked} was requested but the minor version is not supported by this service. The supported version range is: [${MIN_VERSION}, ${MAX_VERSION}].`,
    );
  return minor;
};

const sendError = (reply: FastifyReply, error: unknown) => {
  if (error instanceof OpenStackError)
    return reply.code(error.status).header('content-type', 'application/json').send(error.body);
  const status = (error as { statusCode?: number }).statusCode ?? 500;
  const message = error instanceof Error ? error.message : String(error);
  const e = ironicError(status, message);
  return reply.code(status).header('content-type', 'application/json').send(e.body);
};

/** Version headers on every answer, the negotiated version per request, Ironic's errors. */
export const installIronicHttp = (scope: FastifyInstance) => {
  scope.addHook('onRequest', (request, reply, done) => {
    reply.header('x-openstack-ironic-api-minimum-version', MIN_VERSION);
    reply.header('x-openstack-ironic-api-maximum-version', MAX_VERSION);
    try {
      const minor = negotiate(request);
      versions.set(request, minor);
      reply.header('x-openstack-ironic-api-version', `1.${minor}`);
      done();
    } catch (error) {
      void sendError(reply, error);
    }
  });
  scope.setErrorHandler((error, _request, reply) => sendError(reply, error));
  scope.setNotFoundHandler((request, reply) =>
    sendError(reply, ironicError(404, `The resource could not be found: ${request.url}`)),
  );
};

export type Body = Record<string, unknown>;
export const bodyOf = (request: FastifyRequest): Body => {
  const body = request.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw ironicError(400, 'The request body must be a JSON object.');
  return body as Body;
};
