import {
  idempotencyMetadataKey,
  type CreateServerSpec,
  type OperationHandle,
  type Scope,
  type ServerDto,
} from '@yunguan/cloud-core';
import { z } from 'zod';
import type { TaskDeps } from '../../tasks/transition-task';
import type { TaskRow } from '../../../repositories/task-repository';
import { defineTask } from '../../tasks/task-definition';
import { followOperation, operationOf, recordOperation, recordServer } from './server-task-kit';
import { stepMessage as m } from '@yunguan/contract';

/** What server.create stores (create-server.ts builds it; user data is sealed apart). */
export const createServerInput = z.object({
  datacenterId: z.string(),
  name: z.string(),
  flavorId: z.string(),
  flavor: z.object({ name: z.string(), vcpus: z.number(), ramMb: z.number() }),
  imageId: z.string(),
  networkIds: z.array(z.string()),
  securityGroups: z.array(z.string()).optional(),
  keyName: z.string().optional(),
  availabilityZone: z.string().optional(),
  serverGroupId: z.string().optional(),
  bootVolumeGb: z.number().int().optional(),
  userData: z.boolean(),
  metadataKey: z.string(),
});
type CreateServerInput = z.output<typeof createServerInput>;

const specOf = (deps: TaskDeps, task: TaskRow, input: CreateServerInput): CreateServerSpec => {
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

/** server.create: submit (or adopt), follow until ACTIVE, mirror the server. */
export const createServerTask = defineTask({
  action: 'server.create',
  input: createServerInput,
  async run(rt) {
    let handle = operationOf(rt.task());
    if (!handle) {
      const task = rt.task();
      // The worker may have died after the cloud accepted the create: look before creating.
      const earlier = await rt.provider.findServerByToken(rt.scope, task.id, rt.call);
      handle = earlier
        ? adopt(earlier, rt.scope, rt.deps.now())
        : await rt.provider.createServer(rt.scope, specOf(rt.deps, task, rt.input), rt.call);
      await recordOperation(
        rt,
        handle,
        earlier
          ? m('found-earlier', { id: handle.externalId })
          : m('accepted-as', { id: handle.externalId }),
      );
    }
    const progress = await followOperation(rt, handle);
    const server =
      progress.resource ?? (await rt.provider.getServer(rt.scope, handle.externalId, rt.call));
    return recordServer(rt, server, progress);
  },
});
