import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Env } from '../../env';
import { CSRF_COOKIE, SESSION_COOKIE } from '../request-context';

const secure = (env: Env, request: FastifyRequest) =>
  env.COOKIE_SECURE === 'auto' ? request.protocol === 'https' : env.COOKIE_SECURE === 'true';

/** Session cookie: httpOnly, SameSite=Lax, Secure over TLS. The CSRF cookie is readable by the
 * page, which echoes it in the x-csrf-token header (double submit, checked against the session). */
export const setSessionCookies = (
  env: Env,
  request: FastifyRequest,
  reply: FastifyReply,
  session: { sessionToken: string; csrfToken: string; expiresAt: Date },
) => {
  const base = {
    path: '/',
    sameSite: 'lax' as const,
    secure: secure(env, request),
    expires: session.expiresAt,
  };
  reply.setCookie(SESSION_COOKIE, session.sessionToken, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
};

export const clearSessionCookies = (reply: FastifyReply) => {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
};
