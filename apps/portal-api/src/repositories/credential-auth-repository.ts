import type { DbClient } from './db-client';

/**
 * What one request needs to authenticate, in one round trip: the session or API token found by
 * its hash, joined with its user's status and principal version (migration 0013, ADR 0120).
 */
export type CredentialAuthRow = {
  id: string;
  userId: string;
  /** Sessions only (API tokens carry no CSRF token). */
  csrfHash: string | null;
  expiresAt: Date | null;
  /** Session: last seen; API token: last used. */
  touchedAt: Date | null;
  userStatus: string;
  authVersion: number;
};

type Raw = {
  id: string;
  user_id: string;
  csrf_hash: string | null;
  expires_at: Date | null;
  touched_at: Date | null;
  user_status: string;
  auth_version: number;
};

const toRow = (rows: Raw[]): CredentialAuthRow | null => {
  const r = rows[0];
  return r
    ? {
        id: r.id,
        userId: r.user_id,
        csrfHash: r.csrf_hash,
        expiresAt: r.expires_at,
        touchedAt: r.touched_at,
        userStatus: r.user_status,
        authVersion: r.auth_version,
      }
    : null;
};

export const findSessionAuth = async (
  db: DbClient,
  tokenHash: string,
): Promise<CredentialAuthRow | null> =>
  toRow(
    await db.$queryRaw<Raw[]>`
      SELECT s."id", s."user_id", s."csrf_hash", s."expires_at", s."last_seen_at" AS "touched_at",
             u."status" AS "user_status", u."auth_version"
      FROM "session" s JOIN "app_user" u ON u."id" = s."user_id"
      WHERE s."token_hash" = ${tokenHash}`,
  );

export const findApiTokenAuth = async (
  db: DbClient,
  tokenHash: string,
): Promise<CredentialAuthRow | null> =>
  toRow(
    await db.$queryRaw<Raw[]>`
      SELECT t."id", t."user_id", NULL::text AS "csrf_hash", t."expires_at",
             t."last_used_at" AS "touched_at", u."status" AS "user_status", u."auth_version"
      FROM "api_token" t JOIN "app_user" u ON u."id" = t."user_id"
      WHERE t."token_hash" = ${tokenHash}`,
  );
