import { randomUUID } from 'node:crypto';
import type { SyncState } from '@yunguan/contract';
import { precondition } from '@yunguan/domain';
import { findDatacenterCredential } from '../../repositories/datacenter-credential-repository';
import { findSyncState } from '../../repositories/sync-state-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from '../datacenters/find-datacenter-for';
import { enqueueSync } from './inventory-queue';
import { toSyncState } from './to-sync-state';

export type SyncRequest = {
  alreadyRunning: boolean;
  runId: string;
  mode: 'full' | 'changes';
  sync: SyncState;
};

/**
 * "Resync now": queue a sync of the datacenter and answer at once. A run already running (its
 * lease is live) or queued is answered instead of a second one — this never waits for a run.
 */
export const requestSync = async (
  ctx: ServiceContext,
  datacenterId: string,
  input: { mode: 'full' | 'changes' },
): Promise<SyncRequest> => {
  const datacenter = await findDatacenterFor(ctx, datacenterId, 'datacenter.manage');
  if (!(await findDatacenterCredential(ctx.db, datacenterId)))
    throw precondition('datacenter_credentials_missing', { datacenter: datacenter.name });
  const row = await findSyncState(ctx.db, datacenterId);
  const sync = toSyncState(datacenterId, row);
  const running =
    row?.state === 'running' && row.runId && row.leaseUntil && row.leaseUntil > ctx.now();
  const answer: SyncRequest = running
    ? {
        alreadyRunning: true,
        runId: row.runId!,
        mode: (row.mode ?? 'full') as SyncRequest['mode'],
        sync,
      }
    : await enqueueSync(ctx.config, { datacenterId, mode: input.mode, runId: randomUUID() }).then(
        ({ queued, payload }) => ({
          alreadyRunning: !queued,
          runId: payload.runId,
          mode: payload.mode,
          sync,
        }),
      );
  await recordAudit(ctx.db, ctx, {
    action: 'datacenter.request-sync',
    targetType: 'datacenter',
    targetId: datacenterId,
    targetName: datacenter.name,
    detail: { mode: answer.mode, runId: answer.runId, alreadyRunning: answer.alreadyRunning },
  });
  return answer;
};
