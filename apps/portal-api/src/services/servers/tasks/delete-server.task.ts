import type { ServerDto } from '@yunguan/cloud-core';
import { findServerRow } from '../../../repositories/server-repository';
import { applyServerObservation } from '../../inventory/apply-server-observation';
import { defineTask, noInput } from '../../tasks/task-definition';
import { specOf } from '../to-server';
import { refreshServerNeighbours } from './refresh-server-neighbours';
import { followOperation, operationOf, recordOperation } from './server-task-kit';
import { stepMessage as m } from '@yunguan/contract';

/** server.delete: submit (idempotent in the cloud), follow until gone, mark the mirror row. */
export const deleteServerTask = defineTask({
  action: 'server.delete',
  input: noInput,
  async run(rt) {
    const externalId = rt.target();
    let handle = operationOf(rt.task());
    if (!handle) {
      handle = await rt.provider.deleteServer(rt.scope, externalId, rt.call);
      await recordOperation(rt, handle, m('accepted', { verb: 'delete' }));
    }
    const progress = await followOperation(rt, handle);
    const task = rt.task();
    const gone = progress.resource;
    const row = task.resourceId ? await findServerRow(rt.deps.db, task.resourceId) : null;
    const observation: ServerDto | null = gone
      ? { ...gone, status: 'deleted' }
      : row
        ? lastKnown(row, rt.scope.projectExternalId)
        : null;
    const observed = observation
      ? await applyServerObservation(rt.deps, task.datacenterId, observation)
      : null;
    await refreshServerNeighbours(rt, externalId);
    return {
      ...(observed ? { resourceId: observed.id } : {}),
      waitDetail: m('status', { kind: 'server', status: progress.detail }),
      detail: m('deleted', { kind: 'server', name: task.targetName }),
    };
  },
});

/** The mirror's last view of a server, marked deleted (the cloud no longer has it). */
const lastKnown = (
  row: NonNullable<Awaited<ReturnType<typeof findServerRow>>>,
  projectExternalId: string,
): ServerDto => {
  const spec = specOf(row);
  const raw = (row.spec ?? {}) as Partial<ServerDto>;
  return {
    externalId: row.externalId,
    name: row.name,
    status: 'deleted',
    rawStatus: 'DELETED',
    taskState: null,
    projectExternalId: row.projectExternalId ?? projectExternalId,
    flavor: spec.flavor ?? { externalId: null, name: '', vcpus: 0, ramMb: 0, diskGb: 0 },
    imageExternalId: spec.imageExternalId,
    availabilityZone: spec.availabilityZone,
    host: raw.host ?? null,
    addresses: spec.addresses,
    keyName: spec.keyName,
    securityGroups: spec.securityGroups,
    volumeExternalIds: raw.volumeExternalIds ?? [],
    locked: spec.locked,
    fault: spec.fault,
    metadata: raw.metadata ?? {},
    createdAt: spec.createdAt ?? row.firstSeenAt.toISOString(),
    updatedAt: new Date().toISOString(),
  };
};
