import type { DbClient } from '../../repositories/db-client';
import type { QuotaRow } from '../../repositories/quota-repository';
import type { ServiceContext } from '../context';
import { findQuotaFor } from './find-visible-quota';

/** A stored quota the caller may change: department rows need quota.update.department (super
 * admins), project rows quota.update.project (their department admin). 404 when out of reach. */
export const findQuotaForChange = async (
  ctx: ServiceContext,
  id: string,
  tx: DbClient,
): Promise<QuotaRow> => {
  const row = await findQuotaFor(ctx, id, 'quota.read', tx);
  await findQuotaFor(
    ctx,
    id,
    row.projectId ? 'quota.update.project' : 'quota.update.department',
    tx,
  );
  return row;
};
