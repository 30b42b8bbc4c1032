import { DomainError, type Principal } from '@yunguan/domain';
import { touchApiToken } from '../../repositories/api-token-repository';
import {
  findApiTokenAuth,
  findSessionAuth,
  type CredentialAuthRow,
} from '../../repositories/credential-auth-repository';
import { touchSession } from '../../repositories/session-repository';
import { findUserRow } from '../../repositories/user-repository';
import { safeEqualHex, sha256 } from '../../security/tokens';
import type { RequestContext } from '../context';
import { loadPrincipal } from './load-principal';

export type Authenticated = {
  principal: Principal;
  via: 'session' | 'api_token';
  sessionId: string | null;
  expiresAt: Date;
};

const unauthenticated = (reason = 'session_expired') =>
  new DomainError('UNAUTHENTICATED', reason, { reason });

const TOUCH_EVERY_MS = 60_000;

/** The user's principal at the version read with the credential (cached per process, ADR 0120). */
const principalOf = (ctx: RequestContext, row: CredentialAuthRow): Promise<Principal> =>
  ctx.config.principals.get(row.userId, row.authVersion, async () => {
    const user = await findUserRow(ctx.db, row.userId);
    if (!user || user.status !== 'active') throw unauthenticated();
    return loadPrincipal(ctx.db, user);
  });

const stale = (row: CredentialAuthRow, now: Date) =>
  !row.touchedAt || now.getTime() - row.touchedAt.getTime() > TOUCH_EVERY_MS;

/** Resolve a session cookie; for mutations the CSRF header must match the session's token. */
export const authenticateSession = async (
  ctx: RequestContext,
  input: { sessionToken: string; csrfToken: string | null; mutating: boolean },
): Promise<Authenticated> => {
  const row = await findSessionAuth(ctx.db, sha256(input.sessionToken));
  const now = ctx.now();
  if (!row || !row.expiresAt || row.expiresAt <= now) throw unauthenticated();
  if (
    input.mutating &&
    (!input.csrfToken || !row.csrfHash || !safeEqualHex(sha256(input.csrfToken), row.csrfHash))
  ) {
    throw new DomainError('FORBIDDEN', 'csrf token mismatch', { reason: 'csrf' });
  }
  if (row.userStatus !== 'active') throw unauthenticated();
  const [principal] = await Promise.all([
    principalOf(ctx, row),
    stale(row, now) ? touchSession(ctx.db, row.id, now) : undefined,
  ]);
  return { principal, via: 'session', sessionId: row.id, expiresAt: row.expiresAt };
};

/** Resolve `Authorization: Bearer ygt_…`. No CSRF: browsers never attach it on their own. */
export const authenticateApiToken = async (
  ctx: RequestContext,
  token: string,
): Promise<Authenticated> => {
  const row = await findApiTokenAuth(ctx.db, sha256(token));
  const now = ctx.now();
  if (!row || (row.expiresAt && row.expiresAt <= now)) throw unauthenticated('invalid_token');
  if (row.userStatus !== 'active') throw unauthenticated();
  const [principal] = await Promise.all([
    principalOf(ctx, row),
    stale(row, now) ? touchApiToken(ctx.db, row.id, now) : undefined,
  ]);
  return {
    principal,
    via: 'api_token',
    sessionId: null,
    expiresAt: row.expiresAt ?? new Date(now.getTime() + 365 * 24 * 3600 * 1000),
  };
};
