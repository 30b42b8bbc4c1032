import {
  idempotencyMetadataKey,
  type CloudProvider,
  type CreateServerSpec,
  type OperationHandle,
  type Scope,
  type ServerDto,
} from '@yunguan/cloud-core';
import { z } from 'zod';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { scopeForProject } from '../../cloud/scope-for-project';
import type { TaskRow } from '../../repositories/task-repository';
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

const createInput = z.object({
  name: z.string(),
  flavorId: z.string(),
  imageId: z.string(),
  networkIds: z.array(z.string()),
  securityGroups: z.array(z.string()).optional(),
  keyName: z.string().optional(),
  availabilityZone: z.string().optional(),
  serverGroupId: z.string().optional(),
  bootVolumeGb: z.number().int().optional(),
});

const specOf = (deps: TaskDeps, task: TaskRow): CreateServerSpec => {
  const input = createInput.parse(task.input);
  const userData = task.secretInputEnc
    ? deps.config.secretBox.open(task.secretInputEnc)
    : undefined;
  return {
    name: input.name,
    flavorExternalId: input.flavorId,
    imageExternalId: input.imageId,
    networkExternalIds: input.networkIds,
    ...(input.securityGroups ? { securityGroupNames: input.securityGroups } : {}),
    ...(input.keyName ? { keyName: input.keyName } : {}),
    ...(userData ? { userData } : {}),
    ...(input.availabilityZone ? { availabilityZone: input.availabilityZone } : {}),
    ...(input.serverGroupId ? { serverGroupExternalId: input.serverGroupId } : {}),
    ...(input.bootVolumeGb ? { bootVolumeGb: input.bootVolumeGb } : {}),
    idempotencyToken: task.id,
    metadata: { [idempotencyMetadataKey]: task.id },
  };
};

/** A server an earlier attempt created (found by its token) is followed, not created again. */
const adopt = (server: ServerDto, scope: Scope, at: Date): OperationHandle => ({
  kind: 'server.create',
  resourceType: 'server',
  externalId: server.externalId,
  projectExternalId: scope.projectExternalId,
  settlesOn: ['active'],
  startedAt: at.toISOString(),
});

const submit = async (
  deps: TaskDeps,
  task: TaskRow,
  provider: CloudProvider,
  scope: Scope,
): Promise<{ task: TaskRow; handle: OperationHandle }> => {
  const stored = operationOf(task);
  if (stored) return { task, handle: stored };
  const options = { requestId: `task-${task.id}` };
  // The worker may have died after the cloud accepted the create: look before creating.
  const earlier = await provider.findServerByToken(scope, task.id, options);
  const handle = earlier
    ? adopt(earlier, scope, deps.now())
    : await provider.createServer(scope, specOf(deps, task), options);
  const detail = earlier
    ? `found server ${handle.externalId} from an earlier attempt`
    : `accepted as ${handle.externalId}`;
  return { task: await recordOperation(deps, task, handle, detail), handle };
};

/** server.create: submit (or adopt), follow until ACTIVE, mirror the server, succeed. */
export const performCreateServer = (deps: TaskDeps, taskId: string, attempt: TaskAttempt) =>
  runTaskAttempt(deps, taskId, attempt, async (claimed) => {
    const { provider } = await providerForDatacenter(deps, claimed.datacenterId);
    const scope = await scopeForProject(deps, provider, claimed.datacenterId, claimed.projectId);
    const submitted = await submit(deps, claimed, provider, scope);
    const { task, progress } = await followUntilSettled(
      deps,
      submitted.task,
      provider,
      submitted.handle,
    );
    const server =
      progress.resource ??
      (await provider.getServer(scope, submitted.handle.externalId, {
        requestId: `task-${task.id}`,
      }));
    const observed = await applyServerObservation(deps, task.datacenterId, server);
    return succeedTask(deps, task, {
      resourceId: observed.id,
      waitDetail: progress.detail,
      detail: `${server.name} is ${server.rawStatus}`,
    });
  });
