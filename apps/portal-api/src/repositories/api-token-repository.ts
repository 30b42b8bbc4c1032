import type { DbClient } from './db-client';

export type ApiTokenRow = {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
};

const select = {
  id: true,
  userId: true,
  name: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
} as const;

export const insertApiToken = (
  db: DbClient,
  data: { userId: string; name: string; prefix: string; tokenHash: string; expiresAt: Date | null },
): Promise<ApiTokenRow> => db.apiToken.create({ data, select });

export const listApiTokenRows = (db: DbClient, userId: string): Promise<ApiTokenRow[]> =>
  db.apiToken.findMany({ where: { userId }, select, orderBy: { createdAt: 'desc' } });

export const findApiTokenByHash = (db: DbClient, tokenHash: string): Promise<ApiTokenRow | null> =>
  db.apiToken.findUnique({ where: { tokenHash }, select });

export const touchApiToken = async (db: DbClient, id: string, at: Date): Promise<void> => {
  await db.apiToken.update({ where: { id }, data: { lastUsedAt: at } });
};

export const deleteApiTokenOfUser = async (
  db: DbClient,
  userId: string,
  id: string,
): Promise<boolean> => {
  const result = await db.apiToken.deleteMany({ where: { id, userId } });
  return result.count > 0;
};
