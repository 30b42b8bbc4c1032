import type { ApiToken } from '@yunguan/contract';
import { notFound } from '@yunguan/domain';
import {
  deleteApiTokenOfUser,
  insertApiToken,
  listApiTokenRows,
  type ApiTokenRow,
} from '../../repositories/api-token-repository';
import { inTransaction } from '../../repositories/db-client';
import { newApiToken } from '../../security/tokens';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';

const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export const listApiTokens = async (ctx: ServiceContext): Promise<ApiToken[]> =>
  (await listApiTokenRows(ctx.db, ctx.principal.userId)).map(toApiToken);

/** The token is returned once; only its SHA-256 is stored. It acts with the owner's roles. */
export const createApiToken = async (
  ctx: ServiceContext,
  input: { name: string; expiresInDays?: number },
): Promise<{ token: string; apiToken: ApiToken }> => {
  const { token, prefix, hash } = newApiToken();
  const expiresAt = input.expiresInDays
    ? new Date(ctx.now().getTime() + input.expiresInDays * 24 * 3600 * 1000)
    : null;
  const row = await inTransaction(ctx.db, async (tx) => {
    const created = await insertApiToken(tx, {
      userId: ctx.principal.userId,
      name: input.name,
      prefix,
      tokenHash: hash,
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: 'api-token.create',
      targetType: 'api-token',
      targetId: created.id,
      targetName: input.name,
      departmentId: ctx.principal.departmentId,
    });
    return created;
  });
  return { token, apiToken: toApiToken(row) };
};

export const deleteApiToken = async (ctx: ServiceContext, id: string): Promise<void> => {
  await inTransaction(ctx.db, async (tx) => {
    if (!(await deleteApiTokenOfUser(tx, ctx.principal.userId, id)))
      throw notFound('api token', id);
    await recordAudit(tx, ctx, {
      action: 'api-token.delete',
      targetType: 'api-token',
      targetId: id,
      departmentId: ctx.principal.departmentId,
    });
  });
};
