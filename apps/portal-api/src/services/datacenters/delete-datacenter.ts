import { deleteDatacenterRow } from '../../repositories/datacenter-repository';
import { inTransaction } from '../../repositories/db-client';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from './find-datacenter-for';

/** The agent is disconnected, its key dropped and the tunnel port freed. Cloud resources arrive
 * with M1.4; from then on a datacenter that still mirrors resources cannot be deleted. */
export const deleteDatacenter = async (ctx: ServiceContext, id: string): Promise<void> => {
  const row = await findDatacenterFor(ctx, id, 'datacenter.manage');
  await inTransaction(ctx.db, async (tx) => {
    await deleteDatacenterRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'datacenter.delete',
      targetType: 'datacenter',
      targetId: id,
      targetName: row.name,
    });
  });
  const { registry } = ctx.config.tunnel;
  await registry.revokeAgentKey({ datacenterId: id, fingerprint: row.agent?.fingerprint ?? null });
  await registry.releasePort(id, row.tunnelPort);
};
