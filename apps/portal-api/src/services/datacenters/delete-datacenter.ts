import { notFound } from '@yunguan/domain';
import {
  lockLiveDatacenter,
  softDeleteDatacenterRow,
} from '../../repositories/datacenter-repository';
import { inTransaction } from '../../repositories/db-client';
import { countOwnedUsage } from '../../repositories/owned-usage-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { assertOwnsNothing } from '../owners/assert-owns-nothing';
import { findDatacenterFor } from './find-datacenter-for';

/**
 * Refused (409 `datacenter_not_empty`, nothing changed) while the datacenter mirrors any live
 * object or has unfinished tasks. Otherwise a soft delete (docs/adr/0113): the row, its mirror,
 * tasks and tenant bindings stay as history; the agent is revoked, its key dropped from the
 * tunnel registry, the tunnel port freed, the service account and sync state removed.
 */
export const deleteDatacenter = async (ctx: ServiceContext, id: string): Promise<void> => {
  const row = await inTransaction(ctx.db, async (tx) => {
    const found = await findDatacenterFor(ctx, id, 'datacenter.manage', tx);
    if (!(await lockLiveDatacenter(tx, id))) throw notFound('datacenter', id);
    const usage = await countOwnedUsage(tx, { kind: 'datacenter', id });
    assertOwnsNothing('datacenter', found.name, usage);
    await softDeleteDatacenterRow(tx, id, ctx.now());
    await recordAudit(tx, ctx, {
      action: 'datacenter.delete',
      targetType: 'datacenter',
      targetId: id,
      targetName: found.name,
    });
    return found;
  });
  const { registry } = ctx.config.tunnel;
  await registry.revokeAgentKey({ datacenterId: id, fingerprint: row.agent?.fingerprint ?? null });
  await registry.releasePort(id, row.tunnelPort);
};
