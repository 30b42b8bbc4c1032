import type { DbClient } from './db-client';

export type SessionRow = {
  id: string;
  userId: string;
  csrfHash: string;
  expiresAt: Date;
  lastSeenAt: Date;
};

export const insertSession = (
  db: DbClient,
  data: {
    tokenHash: string;
    csrfHash: string;
    userId: string;
    sourceIp: string | null;
    userAgent: string | null;
    expiresAt: Date;
  },
): Promise<SessionRow> => db.session.create({ data });

export const findSessionByTokenHash = (
  db: DbClient,
  tokenHash: string,
): Promise<SessionRow | null> => db.session.findUnique({ where: { tokenHash } });

export const touchSession = async (db: DbClient, id: string, at: Date): Promise<void> => {
  await db.session.update({ where: { id }, data: { lastSeenAt: at } });
};

export const deleteSessionByTokenHash = async (db: DbClient, tokenHash: string): Promise<void> => {
  await db.session.deleteMany({ where: { tokenHash } });
};

export const deleteSessionsOfUser = async (
  db: DbClient,
  userId: string,
  exceptId?: string,
): Promise<number> => {
  const result = await db.session.deleteMany({
    where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
  return result.count;
};

export const purgeExpiredSessions = async (db: DbClient, now: Date): Promise<number> => {
  const result = await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  return result.count;
};
