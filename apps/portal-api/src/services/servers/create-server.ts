import { createHash, randomUUID } from 'node:crypto';
import type { CreateServerInput, Task } from '@yunguan/contract';
import { idempotencyMetadataKey } from '@yunguan/cloud-core';
import { conflict, precondition } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { scopeForProject } from '../../cloud/scope-for-project';
import { isUniqueViolation } from '../../repositories/db-client';
import { inTaskTransaction, insertTask, type TaskRow } from '../../repositories/task-repository';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { initialSteps } from '../tasks/task-steps';
import { toTask } from '../tasks/to-task';
import { checkServerQuota } from './check-server-quota';
import { assertServerTargets } from './check-server-targets';
import { oneAtATime } from './one-at-a-time';
import { findTasksByKey, keyOfTask } from './idempotent-tasks';
import { queueTasks } from './queue-tasks';
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
  if (key) {
    const existing = await findTasksByKey(ctx, key, requestHash);
    if (existing) return existing;
  }
  const { provider, datacenter } = await providerForDatacenter(ctx, input.datacenterId);
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
  const secretInputEnc = userData ? ctx.config.secretBox.seal(userData) : null;
  let rows: TaskRow[];
  try {
    rows = await oneAtATime(`quota:${project.id}`, () =>
      inTaskTransaction(ctx.db, async (tx) => {
        await checkServerQuota(tx, project, {
          instances: names.length,
          vcpus: names.length * flavor.vcpus,
          ramMb: names.length * flavor.ramMb,
        });
        const created: TaskRow[] = [];
        for (const [index, name] of names.entries()) {
          const id = randomUUID();
          created.push(
            await insertTask(tx, {
              id,
              actorId: ctx.principal.userId,
              actorName: ctx.principal.username,
              departmentId: project.departmentId,
              projectId: project.id,
              datacenterId: datacenter.id,
              action: 'server.create',
              targetType: 'server',
              targetExternalId: null,
              targetName: name,
              resourceId: null,
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
              secretInputEnc,
              steps: initialSteps(),
              jobId: id,
              idempotencyKey: key ? keyOfTask(key, index) : null,
              requestHash,
              quotaInstances: 1,
              quotaVcpus: flavor.vcpus,
              quotaRamMb: flavor.ramMb,
            }),
          );
        }
        await recordAudit(tx, ctx, {
          action: 'server.create',
          targetType: 'server',
          targetName: input.name,
          departmentId: project.departmentId,
          projectId: project.id,
          detail: {
            phase: 'queued',
            taskIds: created.map((t) => t.id),
            count: names.length,
            datacenter: datacenter.name,
            flavor: flavor.name,
          },
        });
        return created;
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
  await queueTasks(ctx, rows);
  return rows.map((r) => toTask(r));
};
