import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { login } from '../../services/auth/login';
import { logout } from '../../services/auth/logout';
import { createApiToken, deleteApiToken, listApiTokens } from '../../services/me/api-tokens';
import { changePassword } from '../../services/me/change-password';
import { getMe } from '../../services/me/get-me';
import { disableTotp, enableTotp, setupTotp } from '../../services/me/totp';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';
import { SESSION_COOKIE } from '../request-context';
import { clearSessionCookies, setSessionCookies } from './cookies';

export const registerAuthRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.login, async ({ ctx, body, request, reply }) => {
    const result = await login(ctx, {
      ...body,
      previousSessionToken: request.cookies[SESSION_COOKIE] ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    });
    if (result.status === 'totp_required') return result;
    setSessionCookies(deps.env, request, reply, result);
    return { status: 'ok' as const, userId: result.userId, username: result.username };
  });
  registerContract(app, deps, c.logout, async ({ ctx, request, reply }) => {
    await logout(ctx, request.cookies[SESSION_COOKIE] ?? null);
    clearSessionCookies(reply);
    return null;
  });
  registerContract(app, deps, c.getMe, async ({ ctx, request }) => getMe(ctx, request.ygAuth!));
  registerContract(app, deps, c.changePassword, async ({ ctx, body }) => {
    await changePassword(ctx, body);
    return null;
  });
  registerContract(app, deps, c.setupTotp, async ({ ctx }) => setupTotp(ctx));
  registerContract(app, deps, c.enableTotp, async ({ ctx, body }) => {
    await enableTotp(ctx, body.code);
    return null;
  });
  registerContract(app, deps, c.disableTotp, async ({ ctx, body }) => {
    await disableTotp(ctx, body.password);
    return null;
  });
  registerContract(app, deps, c.listApiTokens, async ({ ctx }) => ({
    items: await listApiTokens(ctx),
  }));
  registerContract(app, deps, c.createApiToken, async ({ ctx, body }) => createApiToken(ctx, body));
  registerContract(app, deps, c.deleteApiToken, async ({ ctx, params }) => {
    await deleteApiToken(ctx, params.id);
    return null;
  });
};
