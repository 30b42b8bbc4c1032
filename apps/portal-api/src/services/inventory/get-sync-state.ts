import type { SyncState } from '@yunguan/contract';
import { findSyncState } from '../../repositories/sync-state-repository';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from '../datacenters/find-datacenter-for';
import { toSyncState } from './to-sync-state';

export const getSyncState = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<SyncState> => {
  await findDatacenterFor(ctx, datacenterId, 'datacenter.read');
  return toSyncState(datacenterId, await findSyncState(ctx.db, datacenterId));
};
