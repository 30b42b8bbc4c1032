import type { DbClient } from './db-client';

export type EnrollmentTokenRow = {
  id: string;
  datacenterId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
};

export const insertEnrollmentToken = (
  db: DbClient,
  data: { datacenterId: string; tokenHash: string; createdById: string | null; expiresAt: Date },
): Promise<EnrollmentTokenRow> => db.enrollmentToken.create({ data });

export const findEnrollmentTokenByHash = (
  db: DbClient,
  tokenHash: string,
): Promise<EnrollmentTokenRow | null> => db.enrollmentToken.findUnique({ where: { tokenHash } });

/** Mark a token used only if nobody did so first; false when it lost the race. */
export const consumeEnrollmentToken = async (
  db: DbClient,
  id: string,
  at: Date,
): Promise<boolean> => {
  const result = await db.enrollmentToken.updateMany({
    where: { id, usedAt: null, revokedAt: null },
    data: { usedAt: at },
  });
  return result.count === 1;
};

export const revokeUnusedEnrollmentTokens = async (
  db: DbClient,
  datacenterId: string,
  at: Date,
): Promise<number> => {
  const result = await db.enrollmentToken.updateMany({
    where: { datacenterId, usedAt: null, revokedAt: null },
    data: { revokedAt: at },
  });
  return result.count;
};
