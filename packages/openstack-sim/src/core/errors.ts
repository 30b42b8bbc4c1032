import type { FastifyReply } from 'fastify';

/**
 * Error bodies exactly as each OpenStack service writes them (clients parse these):
 * - Nova and Cinder: `{ "itemNotFound": { "code": 404, "message": "…" } }` (badRequest, forbidden,
 *   conflictingRequest, overLimit, computeFault…).
 * - Neutron: `{ "NeutronError": { "type": "NetworkNotFound", "message": "…", "detail": "" } }`.
 * - Keystone: `{ "error": { "code": 401, "message": "…", "title": "Unauthorized" } }`.
 * - Glance v2: `{ "code": 404, "title": "Not Found", "message": "…" }` rendered as text by some
 *   clients; we send JSON with those keys.
 */
export type NovaFault =
  | 'badRequest'
  | 'itemNotFound'
  | 'forbidden'
  | 'conflictingRequest'
  | 'overLimit'
  | 'computeFault'
  | 'HTTPNotImplemented';

const novaStatus: Record<NovaFault, number> = {
  badRequest: 400,
  forbidden: 403,
  itemNotFound: 404,
  conflictingRequest: 409,
  overLimit: 413,
  computeFault: 500,
  HTTPNotImplemented: 501,
};

export class OpenStackError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

export const novaError = (fault: NovaFault, message: string, status = novaStatus[fault]) =>
  new OpenStackError(status, { [fault]: { code: status, message } });

/** Cinder uses Nova's fault envelope. */
export const cinderError = novaError;

export const neutronError = (status: number, type: string, message: string) =>
  new OpenStackError(status, { NeutronError: { type, message, detail: '' } });

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
};

export const keystoneError = (status: number, message: string) =>
  new OpenStackError(status, {
    error: { code: status, message, title: titles[status] ?? 'Error' },
  });

/** Glance (webob) error bodies: the code is the status line, e.g. "404 Not Found". */
export const glanceError = (status: number, message: string) =>
  new OpenStackError(status, {
    code: `${status} ${titles[status] ?? 'Error'}`,
    title: titles[status] ?? 'Error',
    message,
  });

export const sendOpenStackError = (reply: FastifyReply, error: OpenStackError) =>
  reply
    .code(error.status)
    .header('content-type', 'application/json')
    .send(JSON.stringify(error.body));
