import type { Enrollment } from '@yunguan/contract';
import { inTransaction } from '../../repositories/db-client';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from './find-datacenter-for';
import { issueEnrollmentToken } from './issue-enrollment-token';

/** A fresh one-time token, e.g. to move the agent to a new host or rotate its key: the next
 * enrollment replaces the current key, which the gateways then refuse. */
export const createEnrollmentToken = async (
  ctx: ServiceContext,
  id: string,
): Promise<Enrollment> => {
  const row = await findDatacenterFor(ctx, id, 'datacenter.manage');
  return inTransaction(ctx.db, async (tx) => {
    const enrollment = await issueEnrollmentToken(ctx, tx, id);
    await recordAudit(tx, ctx, {
      action: 'datacenter.create-enrollment-token',
      targetType: 'datacenter',
      targetId: id,
      targetName: row.name,
      detail: { expiresAt: enrollment.expiresAt },
    });
    return enrollment;
  });
};
