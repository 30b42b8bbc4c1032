import type { Datacenter, Enrollment } from '@yunguan/contract';
import { assertHas, conflict, platformTarget } from '@yunguan/domain';
import { insertDatacenter } from '../../repositories/datacenter-repository';
import { inTransaction, isUniqueViolation } from '../../repositories/db-client';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { issueEnrollmentToken } from './issue-enrollment-token';
import { toDatacenter } from './to-datacenter';

export const createDatacenter = async (
  ctx: ServiceContext,
  input: { name: string; region: string; kind: Datacenter['kind']; description: string },
): Promise<Datacenter & { enrollment: Enrollment }> => {
  assertHas(ctx.principal, 'datacenter.manage', platformTarget);
  try {
    const { row, enrollment } = await inTransaction(ctx.db, async (tx) => {
      const created = await insertDatacenter(tx, input);
      const issued = await issueEnrollmentToken(ctx, tx, created.id);
      await recordAudit(tx, ctx, {
        action: 'datacenter.create',
        targetType: 'datacenter',
        targetId: created.id,
        targetName: created.name,
        detail: { region: input.region, kind: input.kind },
      });
      return {
        row: { ...created, enrollmentTokens: [{ expiresAt: new Date(issued.expiresAt) }] },
        enrollment: issued,
      };
    });
    return { ...(await toDatacenter(ctx.config.tunnel.registry, row, ctx.now())), enrollment };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name_taken', { name: input.name });
    throw error;
  }
};
