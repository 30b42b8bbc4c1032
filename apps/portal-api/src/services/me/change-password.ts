import { DomainError, notFound } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import { deleteSessionsOfUser } from '../../repositories/session-repository';
import { findUserRow, updateUserRow } from '../../repositories/user-repository';
import { hashPassword, verifyPassword } from '../../security/password';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';

export const changePassword = async (
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> => {
  const user = await findUserRow(ctx.db, ctx.principal.userId);
  if (!user) throw notFound('user');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new DomainError('PRECONDITION_FAILED', 'wrong current password', {
      reason: 'wrong_password',
    });
  }
  const passwordHash = await hashPassword(input.newPassword, ctx.config.hashCost);
  await inTransaction(ctx.db, async (tx) => {
    await updateUserRow(tx, user.id, { passwordHash });
    const ended = await deleteSessionsOfUser(tx, user.id, ctx.sessionId ?? undefined);
    await recordAudit(tx, ctx, {
      action: 'user.change-password',
      targetType: 'user',
      targetId: user.id,
      targetName: user.username,
      departmentId: user.departmentId,
      detail: { otherSessionsEnded: ended },
    });
  });
};
