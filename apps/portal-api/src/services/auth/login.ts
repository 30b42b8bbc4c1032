import { afterFailedLogin, afterSuccessfulLogin, DomainError, isLocked } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import { deleteSessionByTokenHash, insertSession } from '../../repositories/session-repository';
import {
  findUserByUsername,
  updateUserRow,
  type UserRow,
} from '../../repositories/user-repository';
import { hashPassword, verifyPassword } from '../../security/password';
import { randomToken, sha256 } from '../../security/tokens';
import { checkTotp } from '../../security/totp';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../context';

export type LoginInput = {
  username: string;
  password: string;
  totpCode?: string;
  previousSessionToken: string | null;
  userAgent: string | null;
};

export type LoginResult =
  | {
      status: 'ok';
      userId: string;
      username: string;
      sessionToken: string;
      csrfToken: string;
      expiresAt: Date;
    }
  | { status: 'totp_required' };

const invalid = () =>
  new DomainError('UNAUTHENTICATED', 'invalid credentials', { reason: 'invalid_credentials' });

let dummyHash: Promise<string> | null = null;

/** Password check that costs the same whether or not the user exists. */
const passwordMatches = async (ctx: RequestContext, user: UserRow | null, password: string) => {
  if (user) return verifyPassword(password, user.passwordHash);
  dummyHash ??= hashPassword('not-a-real-password', ctx.config.hashCost);
  await verifyPassword(password, await dummyHash);
  return false;
};

const fail = async (ctx: RequestContext, user: UserRow | null, username: string, why: string) => {
  await inTransaction(ctx.db, async (tx) => {
    if (user && !isLocked(user, ctx.now())) {
      await updateUserRow(tx, user.id, afterFailedLogin(user, ctx.now()));
    }
    await recordAudit(tx, ctx, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user?.id ?? null,
      targetName: username,
      departmentId: user?.departmentId ?? null,
      result: 'failure',
      detail: { why },
      actor: { id: user?.id ?? null, name: username },
    });
  });
  return invalid();
};

/** 5 failed logins lock the account for 15 minutes; every answer for a bad attempt is the same. */
export const login = async (ctx: RequestContext, input: LoginInput): Promise<LoginResult> => {
  const user = await findUserByUsername(ctx.db, input.username);
  const matches = await passwordMatches(ctx, user, input.password);
  if (!user) throw await fail(ctx, null, input.username, 'unknown_user');
  if (isLocked(user, ctx.now())) throw await fail(ctx, user, input.username, 'locked');
  if (!matches) throw await fail(ctx, user, input.username, 'wrong_password');
  if (user.status !== 'active') throw await fail(ctx, user, input.username, 'disabled');
  if (user.totpEnabled && user.totpSecretEnc) {
    if (!input.totpCode) return { status: 'totp_required' };
    const ok = await checkTotp(ctx.config.secretBox.open(user.totpSecretEnc), input.totpCode);
    if (!ok) {
      await fail(ctx, user, input.username, 'wrong_totp');
      throw new DomainError('UNAUTHENTICATED', 'invalid totp', { reason: 'totp_invalid' });
    }
  }
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionTtlMs);
  await inTransaction(ctx.db, async (tx) => {
    // Rotate: the session presented with this request (if any) ends; a fresh one begins.
    if (input.previousSessionToken)
      await deleteSessionByTokenHash(tx, sha256(input.previousSessionToken));
    await insertSession(tx, {
      tokenHash: sha256(sessionToken),
      csrfHash: sha256(csrfToken),
      userId: user.id,
      sourceIp: ctx.sourceIp,
      userAgent: input.userAgent?.slice(0, 255) ?? null,
      expiresAt,
    });
    await updateUserRow(tx, user.id, { ...afterSuccessfulLogin(), lastLoginAt: ctx.now() });
    await recordAudit(tx, ctx, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      targetName: user.username,
      departmentId: user.departmentId,
      actor: { id: user.id, name: user.username },
    });
  });
  return {
    status: 'ok',
    userId: user.id,
    username: user.username,
    sessionToken,
    csrfToken,
    expiresAt,
  };
};
