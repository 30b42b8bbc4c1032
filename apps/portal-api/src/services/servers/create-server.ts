import { createHash } from 'node:crypto';
import type { CreateServerInput, Task } from '@yunguan/contract';
import { idempotencyMetadataKey } from '@yunguan/cloud-core';
import { conflict, precondition } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { scopeForProject } from '../../cloud/scope-for-project';
import { isUniqueViolation } from '../../repositories/db-client';
import type { TaskRow } from '../../repositories/task-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { insertTasks } from '../tasks/queue-task';
import { toTask } from '../tasks/to-task';
import { assertServerTargets } from './check-server-targets';
import { findTasksByKey, keyOfTask } from './idempotent-tasks';
import { resolveFlavor } from './resolve-flavor';

const namesOf = (name: string, count: number) =>
  count === 1 ? [name] : Array.from({ length: count }, (_, i) => `${name}-${i + 1}`);

/**
 * Create 1–20 servers: permission (resource.use in the project), flavor from the datacenter,
 * quota (instances, vCPUs, RAM: live + unfinished creates), then one task each, an audit row,
 * and the jobs. With an idempotency key, a repeated request returns the same tasks.
 */
export const createServer = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateServerInput,
): Promise<Task[]> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const { idempotencyKey: key, userData, ...rest } = input;
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ projectId, ...rest, userData: userData ?? null }))
    .digest('hex');
  // Independent reads side by side (ADR 0120): an earlier request with this key, the provider.
  // A retry of an accepted request gets its tasks back even if the provider is gone since.
  const [earlier, access] = await Promise.allSettled([
    key ? findTasksByKey(ctx, key, requestHash) : null,
    providerForDatacenter(ctx, input.datacenterId),
  ]);
  if (earlier.status === 'rejected') throw earlier.reason;
  if (earlier.value) return earlier.value;
  if (access.status === 'rejected') throw access.reason;
  const { provider, datacenter } = access.value;
  if (!provider.capabilities.has('server.create'))
    throw precondition('datacenter_unsupported_action', {
      datacenter: datacenter.name,
      action: 'create',
    });
  const flavor = await resolveFlavor(provider, datacenter, input.flavorId);
  const scope = await withCloudErrors(datacenter.name, () =>
    scopeForProject(ctx, provider, datacenter.id, project.id),
  );
  await assertServerTargets(
    provider,
    scope,
    datacenter,
    {
      imageId: input.imageId,
      networkIds: input.networkIds,
      ...(input.serverGroupId ? { serverGroupId: input.serverGroupId } : {}),
      ...(input.availabilityZone ? { availabilityZone: input.availabilityZone } : {}),
    },
    ctx.requestId,
  );
  const names = namesOf(input.name, input.count);
  let rows: TaskRow[];
  try {
    rows = await insertTasks(
      ctx,
      project,
      names.map((name, index) => ({
        project,
        datacenterId: datacenter.id,
        action: 'server.create' as const,
        targetName: name,
        input: {
          datacenterId: datacenter.id,
          name,
          flavorId: flavor.externalId,
          flavor: { name: flavor.name, vcpus: flavor.vcpus, ramMb: flavor.ramMb },
          imageId: input.imageId,
          networkIds: input.networkIds,
          ...(input.securityGroups ? { securityGroups: input.securityGroups } : {}),
          ...(input.keyName ? { keyName: input.keyName } : {}),
          ...(input.availabilityZone ? { availabilityZone: input.availabilityZone } : {}),
          ...(input.serverGroupId ? { serverGroupId: input.serverGroupId } : {}),
          ...(input.bootVolumeGb ? { bootVolumeGb: input.bootVolumeGb } : {}),
          userData: Boolean(userData),
          metadataKey: idempotencyMetadataKey,
        },
        ...(userData ? { secretInput: userData } : {}),
        ...(key ? { idempotencyKey: keyOfTask(key, index) } : {}),
        requestHash,
        // Each create holds its whole server until the mirror shows it.
        demand: { instances: 1, vcpus: flavor.vcpus, ram_mb: flavor.ramMb },
      })),
      (tx, created) =>
        recordAudit(tx, ctx, {
          action: 'server.create',
          targetType: 'server',
          targetName: input.name,
          departmentId: project.departmentId,
          projectId: project.id,
          detail: {
            phase: created[0]?.status ?? 'queued',
            taskIds: created.map((t) => t.id),
            count: names.length,
            datacenter: datacenter.name,
            flavor: flavor.name,
          },
        }),
    );
  } catch (error) {
    // The same key sent twice at once: the loser answers with the winner's tasks.
    if (key && isUniqueViolation(error)) {
      const existing = await findTasksByKey(ctx, key, requestHash);
      if (existing) return existing;
      throw conflict('idempotency_key_reused');
    }
    throw error;
  }
  return rows.map((r) => toTask(r));
};
