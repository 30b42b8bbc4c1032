import {
  adminServerActions,
  serverActionRefusal,
  serverActionStates,
  type ServerActionInput,
  type Task,
} from '@yunguan/contract';
import { capabilityOfAction } from '@yunguan/cloud-core';
import { assertHas, platformTarget, precondition } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { scopeForProject } from '../../cloud/scope-for-project';
import type { ServerRow } from '../../repositories/server-repository';
import type { ServiceContext } from '../context';
import { assertServerTargets } from './check-server-targets';
import { findServerFor } from './find-server-for';
import { queueTask } from '../tasks/queue-task';
import { resolveFlavor } from './resolve-flavor';
import { specOf, statusOf } from './to-server';

/** Refuse an action the server's state (or lock) does not allow, saying why. */
export const assertActionAllowed = (
  action: ServerActionInput['action'] | 'delete',
  server: Pick<ServerRow, 'name' | 'status' | 'deletedAt' | 'spec'>,
): void => {
  const status = statusOf({ status: server.status, deletedAt: server.deletedAt });
  if (status === 'deleted') throw precondition('server_gone', { server: server.name });
  const refusal = serverActionRefusal(action, { status, locked: specOf(server).locked });
  if (refusal === 'wrong_state')
    throw precondition('server_wrong_state', {
      server: server.name,
      status,
      action,
      allowed: serverActionStates[action].join(', '),
    });
  if (refusal) throw precondition(`server_${refusal}`, { server: server.name });
};

/** Start, stop, reboot, resize … on a server: a task. migrate / live-migrate need compute.admin. */
export const actOnServer = async (
  ctx: ServiceContext,
  id: string,
  input: ServerActionInput,
): Promise<Task> => {
  const { server, project } = await findServerFor(ctx, id, 'resource.use');
  if (adminServerActions.includes(input.action))
    assertHas(ctx.principal, 'compute.admin', platformTarget);
  assertActionAllowed(input.action, server);
  const { provider, datacenter } = await providerForDatacenter(ctx, server.datacenterId);
  const capability = capabilityOfAction[input.action];
  if (capability && !provider.capabilities.has(capability))
    throw precondition('datacenter_unsupported_action', {
      datacenter: datacenter.name,
      action: input.action,
    });
  const { idempotencyKey, ...params } = input;
  let demand;
  let details: Record<string, string | number | boolean> = {};
  if (params.action === 'resize') {
    const flavor = await resolveFlavor(provider, datacenter, params.flavorId);
    const current = specOf(server).flavor;
    // A resize to a larger flavor holds the difference until it finishes.
    demand = {
      vcpus: Math.max(0, flavor.vcpus - (current?.vcpus ?? 0)),
      ram_mb: Math.max(0, flavor.ramMb - (current?.ramMb ?? 0)),
    };
    details = { flavorId: flavor.externalId, flavorName: flavor.name };
  }
  if (params.action === 'rebuild') {
    const scope = await withCloudErrors(datacenter.name, () =>
      scopeForProject(ctx, provider, datacenter.id, project.id),
    );
    await assertServerTargets(
      provider,
      scope,
      datacenter,
      { imageId: params.imageId },
      ctx.requestId,
    );
  }
  return queueTask(ctx, {
    project,
    datacenterId: server.datacenterId,
    target: { externalId: server.externalId, resourceId: server.id },
    targetName: server.name,
    action: `server.${input.action}`,
    input: { ...params, ...details },
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(demand ? { demand } : {}),
  });
};
