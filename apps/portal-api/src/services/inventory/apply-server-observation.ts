import type { ServerDto } from '@yunguan/cloud-core';
import type { CloudDeps } from '../../cloud/cloud-deps';
import { inTransaction } from '../../repositories/db-client';
import {
  findResource,
  markResourcesDeleted,
  upsertResources,
} from '../../repositories/resource-repository';
import { findBindingByExternalId } from '../../repositories/tenant-binding-repository';
import { SERVER_TYPE, toServerUpsert } from './server-observation';

export type ObservedResource = {
  id: string;
  projectId: string | null;
  status: string;
  deletedAt: Date | null;
};

/**
 * Refresh one server's mirror row right away from what a task just saw (create, action and
 * delete results) instead of waiting for the next sync. A server with status `deleted` marks the
 * row deleted (an already deleted row keeps its original deletedAt). Idempotent; no permission
 * check — the task checked its own.
 */
export const applyServerObservation = async (
  deps: CloudDeps & { now?: () => Date },
  datacenterId: string,
  server: ServerDto,
): Promise<ObservedResource> => {
  const now = deps.now?.() ?? new Date();
  const row = await inTransaction(deps.db, async (tx) => {
    const before = await findResource(tx, datacenterId, SERVER_TYPE, server.externalId);
    if (server.status === 'deleted' && before?.deletedAt) return before;
    const binding = await findBindingByExternalId(tx, datacenterId, server.projectExternalId);
    const projects = new Map(binding ? [[binding.projectExternalId, binding.projectId]] : []);
    await upsertResources(tx, datacenterId, SERVER_TYPE, [toServerUpsert(server, projects)], now);
    if (server.status === 'deleted')
      await markResourcesDeleted(tx, datacenterId, SERVER_TYPE, [server.externalId], now);
    return findResource(tx, datacenterId, SERVER_TYPE, server.externalId);
  });
  if (!row) throw new Error(`resource ${server.externalId} was not written`);
  return { id: row.id, projectId: row.projectId, status: row.status, deletedAt: row.deletedAt };
};
