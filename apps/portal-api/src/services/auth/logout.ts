import { inTransaction } from '../../repositories/db-client';
import { deleteSessionByTokenHash } from '../../repositories/session-repository';
import { sha256 } from '../../security/tokens';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';

export const logout = async (ctx: ServiceContext, sessionToken: string | null): Promise<void> => {
  await inTransaction(ctx.db, async (tx) => {
    if (sessionToken) await deleteSessionByTokenHash(tx, sha256(sessionToken));
    await recordAudit(tx, ctx, {
      action: 'auth.logout',
      targetType: 'user',
      targetId: ctx.principal.userId,
      targetName: ctx.principal.username,
      departmentId: ctx.principal.departmentId,
    });
  });
};
