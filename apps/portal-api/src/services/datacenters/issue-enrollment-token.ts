import type { Enrollment } from '@yunguan/contract';
import type { DbClient } from '../../repositories/db-client';
import {
  insertEnrollmentToken,
  revokeUnusedEnrollmentTokens,
} from '../../repositories/enrollment-token-repository';
import { randomToken, sha256 } from '../../security/tokens';
import type { ServiceContext } from '../context';

export const ENROLLMENT_TTL_MS = 24 * 3600 * 1000;

/** Inside the caller's transaction: a new one-time token; earlier unused ones stop working. */
export const issueEnrollmentToken = async (
  ctx: ServiceContext,
  tx: DbClient,
  datacenterId: string,
): Promise<Enrollment> => {
  const token = `ygenr_${randomToken(32)}`;
  const expiresAt = new Date(ctx.now().getTime() + ENROLLMENT_TTL_MS);
  await revokeUnusedEnrollmentTokens(tx, datacenterId, ctx.now());
  await insertEnrollmentToken(tx, {
    datacenterId,
    tokenHash: sha256(token),
    createdById: ctx.principal.userId,
    expiresAt,
  });
  const portal = ctx.config.tunnel.publicUrl.replace(/\/$/, '');
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    command: `yunguan-agent enroll --portal ${portal} --token ${token} --data-dir /var/lib/yunguan-agent && yunguan-agent run --data-dir /var/lib/yunguan-agent`,
  };
};
