import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { OpenStackError, sendOpenStackError } from '../../core/errors';
import { text } from '../neutron-http';
import type { LbKind } from './octavia-state';

export const V2 = '/load-balancer/v2';
export const L = `${V2}/lbaas`;

export const octaviaError = (status: number, message: string) =>
  new OpenStackError(status, {
    faultcode: status < 500 ? 'Client' : 'Server',
    faultstring: message,
    debuginfo: null,
  });

export const labels: Record<LbKind, string> = {
  loadbalancers: 'Load Balancer',
  listeners: 'Listener',
  pools: 'Pool',
  members: 'Member',
  healthmonitors: 'Health Monitor',
};
export const keys: Record<LbKind, string> = {
  loadbalancers: 'loadbalancer',
  listeners: 'listener',
  pools: 'pool',
  members: 'member',
  healthmonitors: 'healthmonitor',
};

export const bodyOf = (request: FastifyRequest, key: string): Record<string, unknown> => {
  const inner = (request.body as Record<string, unknown> | undefined)?.[key];
  if (!inner || typeof inner !== 'object')
    throw octaviaError(400, `Invalid input for field/attribute ${key}.`);
  return inner as Record<string, unknown>;
};

export const oneOf = (value: unknown, allowed: string[], field: string): string => {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw octaviaError(
      400,
      `Invalid input for field/attribute ${field}. Value: '${text(value)}'. Value should be one of: ${allowed.join(', ')}`,
    );
  }
  return value;
};

export const intIn = (
  value: unknown,
  field: string,
  min: number,
  max: number,
  fallback?: number,
): number => {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw octaviaError(
      400,
      `Invalid input for field/attribute ${field}. Value: '${text(value)}'. Value must be between ${min} and ${max}.`,
    );
  }
  return n;
};

export const octaviaErrorHandler = (
  error: FastifyError | OpenStackError,
  _request: FastifyRequest,
  reply: FastifyReply,
) => {
  // Octavia's own faults and keystonemiddleware's 401 pass through unchanged.
  if (error instanceof OpenStackError) return sendOpenStackError(reply, error);
  const status = error.statusCode ?? 500;
  return sendOpenStackError(
    reply,
    octaviaError(status, status >= 500 ? 'Internal Server Error' : error.message),
  );
};
