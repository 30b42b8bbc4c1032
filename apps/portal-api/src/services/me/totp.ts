import { DomainError, notFound } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import { findUserRow, updateUserRow, type UserRow } from '../../repositories/user-repository';
import { verifyPassword } from '../../security/password';
import { checkTotp, newTotpSecret, totpUri } from '../../security/totp';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';

const self = async (ctx: ServiceContext): Promise<UserRow> => {
  const user = await findUserRow(ctx.db, ctx.principal.userId);
  if (!user) throw notFound('user');
  return user;
};

const audit = (ctx: ServiceContext, user: UserRow, action: string) =>
  inTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx, {
      action,
      targetType: 'user',
      targetId: user.id,
      targetName: user.username,
      departmentId: user.departmentId,
    }),
  );

/** Step 1: a fresh secret, stored encrypted and inactive until confirmed with a code. */
export const setupTotp = async (
  ctx: ServiceContext,
): Promise<{ secret: string; otpauthUri: string }> => {
  const user = await self(ctx);
  if (user.totpEnabled) {
    throw new DomainError('CONFLICT', 'totp already enabled', { reason: 'totp_already_enabled' });
  }
  const secret = newTotpSecret();
  await updateUserRow(ctx.db, user.id, { totpSecretEnc: ctx.config.secretBox.seal(secret) });
  await audit(ctx, user, 'user.totp-setup');
  return { secret, otpauthUri: totpUri(secret, user.username) };
};

/** Step 2: prove the authenticator works; from now on login asks for a code. */
export const enableTotp = async (ctx: ServiceContext, code: string): Promise<void> => {
  const user = await self(ctx);
  if (user.totpEnabled) {
    throw new DomainError('PRECONDITION_FAILED', 'totp already enabled', {
      reason: 'totp_already_enabled',
    });
  }
  if (!user.totpSecretEnc) {
    throw new DomainError('PRECONDITION_FAILED', 'totp not started', {
      reason: 'totp_not_started',
    });
  }
  if (!(await checkTotp(ctx.config.secretBox.open(user.totpSecretEnc), code))) {
    throw new DomainError('PRECONDITION_FAILED', 'wrong totp code', { reason: 'totp_invalid' });
  }
  await updateUserRow(ctx.db, user.id, { totpEnabled: true });
  await audit(ctx, user, 'user.totp-enable');
};

export const disableTotp = async (ctx: ServiceContext, password: string): Promise<void> => {
  const user = await self(ctx);
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new DomainError('PRECONDITION_FAILED', 'wrong password', { reason: 'wrong_password' });
  }
  await updateUserRow(ctx.db, user.id, { totpEnabled: false, totpSecretEnc: null });
  await audit(ctx, user, 'user.totp-disable');
};
