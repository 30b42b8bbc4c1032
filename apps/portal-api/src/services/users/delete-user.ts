import { precondition } from '@yunguan/domain';
import { inTransaction } from '../../repositories/db-client';
import { deleteUserRow } from '../../repositories/user-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findUserFor } from './find-visible-user';

/** Sessions, API tokens and assignments go with the user (FK cascade). */
export const deleteUser = async (ctx: ServiceContext, id: string): Promise<void> => {
  await inTransaction(ctx.db, async (tx) => {
    const user = await findUserFor(ctx, id, 'user.delete', tx);
    if (user.id === ctx.principal.userId) throw precondition('cannot_delete_self');
    await deleteUserRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'user.delete',
      targetType: 'user',
      targetId: id,
      targetName: user.username,
      departmentId: user.departmentId,
    });
  });
};
