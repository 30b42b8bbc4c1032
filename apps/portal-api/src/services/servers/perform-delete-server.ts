import type { ServerDto } from '@yunguan/cloud-core';
import { DomainError } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { scopeForProject } from '../../cloud/scope-for-project';
import { findServerRow } from '../../repositories/server-repository';
import { applyServerObservation } from '../inventory/apply-server-observation';
import {
  followUntilSettled,
  operationOf,
  recordOperation,
  runTaskAttempt,
  succeedTask,
  type TaskAttempt,
} from '../tasks/run-task';
import type { TaskDeps } from '../tasks/transition-task';
import { specOf } from './to-server';

/** server.delete: submit (idempotent in the cloud), follow until gone, mark the mirror row. */
export const performDeleteServer = (deps: TaskDeps, taskId: string, attempt: TaskAttempt) =>
  runTaskAttempt(deps, taskId, attempt, async (claimed) => {
    const externalId = claimed.targetExternalId;
    if (!externalId)
      throw new DomainError('INTERNAL', `task ${claimed.id} has no target`, {
        reason: 'task_without_target',
        params: { task: claimed.id },
      });
    const { provider } = await providerForDatacenter(deps, claimed.datacenterId);
    const scope = await scopeForProject(deps, provider, claimed.datacenterId, claimed.projectId);
    let task = claimed;
    let handle = operationOf(task);
    if (!handle) {
      handle = await provider.deleteServer(scope, externalId, { requestId: `task-${task.id}` });
      task = await recordOperation(deps, task, handle, 'delete accepted');
    }
    const settled = await followUntilSettled(deps, task, provider, handle);
    const gone = settled.progress.resource;
    const row = claimed.resourceId ? await findServerRow(deps.db, claimed.resourceId) : null;
    const observation: ServerDto | null = gone
      ? { ...gone, status: 'deleted' }
      : row
        ? lastKnown(row, scope.projectExternalId)
        : null;
    const observed = observation
      ? await applyServerObservation(deps, task.datacenterId, observation)
      : null;
    return succeedTask(deps, settled.task, {
      ...(observed ? { resourceId: observed.id } : {}),
      waitDetail: settled.progress.detail,
      detail: `${claimed.targetName} deleted`,
    });
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
