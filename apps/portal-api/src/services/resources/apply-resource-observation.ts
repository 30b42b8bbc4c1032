import type { ResourceKind } from '@yunguan/contract';
import type { CloudDeps } from '../../cloud/cloud-deps';
import { inTransaction } from '../../repositories/db-client';
import {
  findResource,
  markResourcesDeleted,
  upsertResources,
} from '../../repositories/resource-repository';
import { findBindingByExternalId } from '../../repositories/tenant-binding-repository';
import type { Observation } from '../tasks/task-definition';

/**
 * Write one storage/network object to the mirror as a task (or a refresh) just saw it. The
 * owning portal project comes from the tenant binding of its cloud project (null when unbound,
 * e.g. an external network of the admin project). Returns the mirror row id.
 */
export const applyResourceObservation = async (
  deps: CloudDeps & { now?: () => Date },
  datacenterId: string,
  seen: Observation,
): Promise<string> => {
  const now = deps.now?.() ?? new Date();
  const row = await inTransaction(deps.db, async (tx) => {
    const binding = await findBindingByExternalId(tx, datacenterId, seen.projectExternalId);
    await upsertResources(
      tx,
      datacenterId,
      seen.kind,
      [
        {
          externalId: seen.externalId,
          projectId: binding?.projectId ?? null,
          projectExternalId: seen.projectExternalId || null,
          name: seen.name,
          status: seen.status,
          spec: seen.spec,
        },
      ],
      now,
    );
    return findResource(tx, datacenterId, seen.kind, seen.externalId);
  });
  if (!row) throw new Error(`resource ${seen.externalId} was not written`);
  return row.id;
};

/** The object is gone from the cloud: its mirror row is kept, marked deleted. */
export const applyResourceGone = async (
  deps: CloudDeps & { now?: () => Date },
  datacenterId: string,
  kind: ResourceKind,
  externalId: string,
): Promise<void> => {
  await markResourcesDeleted(deps.db, datacenterId, kind, [externalId], deps.now?.() ?? new Date());
};
