import type { CloudProvider, Scope, ServerAction, ServerDto } from '@yunguan/cloud-core';
import { serverActionInput } from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { scopeForProject } from '../../cloud/scope-for-project';
import type { TaskRow } from '../../repositories/task-repository';
import { applyServerObservation } from '../inventory/apply-server-observation';
import {
  followUntilSettled,
  markSubmitting,
  operationOf,
  recordOperation,
  runTaskAttempt,
  submitMarkerOf,
  succeedTask,
  TaskFailed,
  type SubmitMarker,
  type TaskAttempt,
} from '../tasks/run-task';
import type { TaskDeps } from '../tasks/transition-task';

/** The task's stored input as the cloud port's ServerAction. */
export const cloudActionOf = (task: TaskRow): ServerAction => {
  const input = serverActionInput.parse(task.input);
  switch (input.action) {
    case 'reboot':
      return { type: 'reboot', hard: input.hard };
    case 'resize':
      return { type: 'resize', flavorExternalId: input.flavorId };
    case 'rebuild':
      return { type: 'rebuild', imageExternalId: input.imageId };
    case 'snapshot':
      return { type: 'snapshot', imageName: input.imageName };
    case 'migrate':
    case 'live-migrate':
      return { type: input.action, ...(input.host ? { host: input.host } : {}) };
    default:
      return { type: input.action };
  }
};

/** Sending these twice does harm (a second resize, snapshot or move): never re-send blindly. */
const notResent: readonly ServerAction['type'][] = [
  'resize',
  'snapshot',
  'migrate',
  'live-migrate',
];

const lookOf = (server: ServerDto): NonNullable<SubmitMarker['before']> => ({
  status: server.rawStatus,
  taskState: server.taskState,
  host: server.host,
  flavor: server.flavor.externalId ?? server.flavor.name,
});

/**
 * An earlier attempt wrote the marker and then stopped: the call may have reached the cloud.
 * When the server no longer looks as it did before the call (busy, another status, host or
 * flavor — or, for a snapshot, an image of that name exists), fail without re-sending.
 */
const assertNotSentBefore = async (
  provider: CloudProvider,
  scope: Scope,
  task: TaskRow,
  action: ServerAction,
  marker: SubmitMarker,
): Promise<void> => {
  const options = { requestId: `task-${task.id}` };
  const now = lookOf(await provider.getServer(scope, task.targetExternalId ?? '', options));
  const before = marker.before;
  const changed =
    now.taskState !== null ||
    !before ||
    now.status !== before.status ||
    now.host !== before.host ||
    now.flavor !== before.flavor;
  const snapshotMade =
    action.type === 'snapshot' &&
    (await provider.listImages(scope, options)).some((i) => i.name === action.imageName);
  if (changed || snapshotMade)
    throw new TaskFailed({
      reason: 'task_submit_uncertain',
      params: {
        action: action.type,
        server: task.targetName,
        detail: `${now.status}${now.taskState ? ` (${now.taskState})` : ''}`,
      },
    });
};

/** server.action: submit the action, follow it until it settles, refresh the mirror. */
export const performServerAction = (deps: TaskDeps, taskId: string, attempt: TaskAttempt) =>
  runTaskAttempt(deps, taskId, attempt, async (claimed) => {
    const externalId = claimed.targetExternalId;
    if (!externalId)
      throw new DomainError('INTERNAL', `task ${claimed.id} has no target`, {
        reason: 'task_without_target',
        params: { task: claimed.id },
      });
    const { provider } = await providerForDatacenter(deps, claimed.datacenterId);
    const scope = await scopeForProject(deps, provider, claimed.datacenterId, claimed.projectId);
    const options = { requestId: `task-${claimed.id}` };
    let task = claimed;
    let handle = operationOf(task);
    if (!handle) {
      const action = cloudActionOf(task);
      const careful = notResent.includes(action.type);
      const marker = submitMarkerOf(task);
      if (marker && careful) await assertNotSentBefore(provider, scope, task, action, marker);
      const before = careful
        ? lookOf(await provider.getServer(scope, externalId, options))
        : undefined;
      task = await markSubmitting(deps, task, before);
      handle = await provider.actOnServer(scope, externalId, action, options);
      task = await recordOperation(deps, task, handle, `${action.type} accepted`);
    }
    const settled = await followUntilSettled(deps, task, provider, handle);
    const server =
      settled.progress.resource ?? (await provider.getServer(scope, externalId, options));
    const observed = await applyServerObservation(deps, task.datacenterId, server);
    return succeedTask(deps, settled.task, {
      resourceId: observed.id,
      waitDetail: settled.progress.detail,
      detail: `${server.name} is ${server.rawStatus}`,
    });
  });
