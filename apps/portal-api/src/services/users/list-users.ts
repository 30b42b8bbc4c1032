import type { User } from '@yunguan/contract';
import { reachOf } from '@yunguan/domain';
import { listUserRows } from '../../repositories/user-repository';
import type { ServiceContext } from '../context';
import { toUser } from '../mappers';

export const listUsers = async (
  ctx: ServiceContext,
  input: { page: number; pageSize: number; q?: string; departmentId?: string; projectId?: string },
): Promise<{ items: User[]; total: number; page: number; pageSize: number }> => {
  const reach = reachOf(ctx.principal, 'user.read');
  const { rows, total } = await listUserRows(ctx.db, { reach, ...input });
  const now = ctx.now();
  return {
    items: rows.map((r) => toUser(r, now)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};
