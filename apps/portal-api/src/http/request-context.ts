import { DomainError } from '@yunguan/domain';
import type { FastifyRequest } from 'fastify';
import type { Authenticated } from '../services/auth/authenticate';
import { authenticateApiToken, authenticateSession } from '../services/auth/authenticate';
import type { RequestContext, ServiceContext } from '../services/context';
import type { AppDeps } from './deps';

declare module 'fastify' {
  interface FastifyRequest {
    ygContext?: RequestContext;
    ygAuth?: Authenticated;
  }
}

export const SESSION_COOKIE = 'yg_session';
export const CSRF_COOKIE = 'yg_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isMutating = (method: string) => MUTATING.has(method);

export const requestContextOf = (deps: AppDeps, request: FastifyRequest): RequestContext => {
  request.ygContext ??= {
    db: deps.db,
    config: deps.config,
    requestId: request.id,
    sourceIp: request.ip ?? null,
    now: deps.now ?? (() => new Date()),
    audit: { written: false },
  };
  return request.ygContext;
};

/** Bearer API token, else the session cookie (with CSRF on mutations), else 401. */
export const authenticate = async (
  deps: AppDeps,
  request: FastifyRequest,
): Promise<ServiceContext> => {
  const ctx = requestContextOf(deps, request);
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    request.ygAuth = await authenticateApiToken(ctx, header.slice('Bearer '.length).trim());
  } else {
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (!sessionToken)
      throw new DomainError('UNAUTHENTICATED', 'no session', { reason: 'session_expired' });
    const csrf = request.headers[CSRF_HEADER];
    request.ygAuth = await authenticateSession(ctx, {
      sessionToken,
      csrfToken: typeof csrf === 'string' ? csrf : null,
      mutating: isMutating(request.method),
    });
  }
  return { ...ctx, principal: request.ygAuth.principal, sessionId: request.ygAuth.sessionId };
};
