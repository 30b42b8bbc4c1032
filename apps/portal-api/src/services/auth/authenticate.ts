import { DomainError, type Principal } from '@yunguan/domain';
import { findApiTokenByHash, touchApiToken } from '../../repositories/api-token-repository';
import { findSessionByTokenHash, touchSession } from '../../repositories/session-repository';
import { findUserRow, type UserRow } from '../../repositories/user-repository';
import { safeEqualHex, sha256 } from '../../security/tokens';
import type { RequestContext } from '../context';
import { loadPrincipal } from './load-principal';

export type Authenticated = {
  principal: Principal;
  user: UserRow;
  via: 'session' | 'api_token';
  sessionId: string | null;
  expiresAt: Date;
};

const unauthenticated = (reason = 'session_expired') =>
  new DomainError('UNAUTHENTICATED', reason, { reason });

const TOUCH_EVERY_MS = 60_000;

const activeUser = async (ctx: RequestContext, userId: string): Promise<UserRow> => {
  const user = await findUserRow(ctx.db, userId);
  if (!user || user.status !== 'active') throw unauthenticated();
  return user;
};

/** Resolve a session cookie; for mutations the CSRF header must match the session's token. */
export const authenticateSession = async (
  ctx: RequestContext,
  input: { sessionToken: string; csrfToken: string | null; mutating: boolean },
): Promise<Authenticated> => {
  const session = await findSessionByTokenHash(ctx.db, sha256(input.sessionToken));
  const now = ctx.now();
  if (!session || session.expiresAt <= now) throw unauthenticated();
  if (
    input.mutating &&
    (!input.csrfToken || !safeEqualHex(sha256(input.csrfToken), session.csrfHash))
  ) {
    throw new DomainError('FORBIDDEN', 'csrf token mismatch', { reason: 'csrf' });
  }
  const user = await activeUser(ctx, session.userId);
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await touchSession(ctx.db, session.id, now);
  return {
    principal: await loadPrincipal(ctx.db, user),
    user,
    via: 'session',
    sessionId: session.id,
    expiresAt: session.expiresAt,
  };
};

/** Resolve `Authorization: Bearer ygt_…`. No CSRF: browsers never attach it on their own. */
export const authenticateApiToken = async (
  ctx: RequestContext,
  token: string,
): Promise<Authenticated> => {
  const row = await findApiTokenByHash(ctx.db, sha256(token));
  const now = ctx.now();
  if (!row || (row.expiresAt && row.expiresAt <= now)) throw unauthenticated('invalid_token');
  const user = await activeUser(ctx, row.userId);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchApiToken(ctx.db, row.id, now);
  }
  return {
    principal: await loadPrincipal(ctx.db, user),
    user,
    via: 'api_token',
    sessionId: null,
    expiresAt: row.expiresAt ?? new Date(now.getTime() + 365 * 24 * 3600 * 1000),
  };
};
