import type { Datacenter } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';
import { updateDatacenterRow } from '../../repositories/datacenter-repository';
import { inTransaction, isUniqueViolation } from '../../repositories/db-client';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from './find-datacenter-for';
import { toDatacenter } from './to-datacenter';

export const updateDatacenter = async (
  ctx: ServiceContext,
  id: string,
  input: { name?: string; region?: string; description?: string },
): Promise<Datacenter> => {
  const before = await findDatacenterFor(ctx, id, 'datacenter.manage');
  try {
    const row = await inTransaction(ctx.db, async (tx) => {
      const updated = await updateDatacenterRow(tx, id, input);
      await recordAudit(tx, ctx, {
        action: 'datacenter.update',
        targetType: 'datacenter',
        targetId: id,
        targetName: updated.name,
        detail: { previousName: before.name, fields: Object.keys(input) },
      });
      return updated;
    });
    return toDatacenter(ctx.config.tunnel.registry, row, ctx.now());
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name_taken', { name: input.name ?? '' });
    throw error;
  }
};
