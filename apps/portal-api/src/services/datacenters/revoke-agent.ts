import type { Datacenter } from '@yunguan/contract';
import { precondition } from '@yunguan/domain';
import { findDatacenterRow, revokeAgentRow } from '../../repositories/datacenter-repository';
import { inTransaction } from '../../repositories/db-client';
import { revokeUnusedEnrollmentTokens } from '../../repositories/enrollment-token-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from './find-datacenter-for';
import { toDatacenter } from './to-datacenter';

/** Revoke the agent's key (if any) and any unused enrollment tokens; gateways drop the connection on the pub/sub
 * message (within 5 s) and refuse the key from then on. */
export const revokeAgent = async (ctx: ServiceContext, id: string): Promise<Datacenter> => {
  const row = await findDatacenterFor(ctx, id, 'datacenter.manage');
  const activeAgent = row.agent && !row.agent.revokedAt ? row.agent : null;
  if (!activeAgent && row.enrollmentTokens.length === 0) throw precondition('agent_not_enrolled');
  await inTransaction(ctx.db, async (tx) => {
    await revokeAgentRow(tx, id, ctx.now());
    await revokeUnusedEnrollmentTokens(tx, id, ctx.now());
    await recordAudit(tx, ctx, {
      action: 'datacenter.revoke-agent',
      targetType: 'datacenter',
      targetId: id,
      targetName: row.name,
      detail: { fingerprint: activeAgent?.fingerprint ?? null },
    });
  });
  await ctx.config.tunnel.registry.revokeAgentKey({
    datacenterId: id,
    fingerprint: activeAgent?.fingerprint ?? null,
  });
  const after = await findDatacenterRow(ctx.db, id);
  return toDatacenter(ctx.config.tunnel.registry, after ?? row, ctx.now());
};
