import { volumeActionStates, type Task, type VolumeActionInput } from '@yunguan/contract';
import type { VolumeDto } from '@yunguan/cloud-core';
import type { ServiceContext } from '../context';
import { queueTask } from '../tasks/queue-task';
import { assertCapability, projectCloud } from '../project-cloud';
import { assertNotBusy, readFresh } from './storage-checks';
import { storageInvalid, volumeGone, volumeNotAttached, volumeWrongState } from './storage-errors';
import { earlierTask } from '../resources/earlier-task';
import { findResourceFor } from '../resources/find-resource-for';
import { checkAttachTarget } from './check-attach-target';
import { blockStorageOf } from '../../cloud/sub-port';

/**
 * extend / attach / detach a volume: resource.use on it; a server of the same project and
 * datacenter (else a clear 409 and nothing changes); the volume's state read fresh from the
 * cloud; extend holds the added GB of quota; then one task.
 */
export const actOnVolume = async (
  ctx: ServiceContext,
  id: string,
  input: VolumeActionInput,
): Promise<Task> => {
  const { row, project } = await findResourceFor(ctx, 'volume', id, 'resource.use');
  const action = `volume.${input.action}` as const;
  const earlier = await earlierTask(ctx, input.idempotencyKey, {
    projectId: project.id,
    action,
    targetExternalId: row.externalId,
  });
  if (earlier) return earlier;
  // Tenancy and placement first: a cross-project attach is refused before any cloud call.
  const server =
    input.action === 'extend'
      ? null
      : await checkAttachTarget(ctx, row, project, input.serverId, input.action);
  await assertNotBusy(ctx, 'volume', row);
  const cloud = await projectCloud(ctx, project.id, row.datacenterId);
  await assertCapability(cloud, 'volume.manage', input.action);
  const volume: VolumeDto = await readFresh(
    cloud,
    (p, scope, o) => blockStorageOf(p).getVolume(scope, row.externalId, o),
    volumeGone(row.name),
  );
  const allowed = volumeActionStates[input.action];
  if (!allowed.includes(volume.status)) throw volumeWrongState(volume, input.action, allowed);
  const common = {
    project,
    datacenterId: row.datacenterId,
    action,
    target: { externalId: row.externalId, resourceId: row.id },
    targetName: volume.name,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  if (input.action === 'extend') {
    if (input.newSizeGb <= volume.sizeGb)
      throw storageInvalid('newSizeGb', 'volume_extend_not_larger', {
        volume: volume.name,
        sizeGb: volume.sizeGb,
        newSizeGb: input.newSizeGb,
      });
    return queueTask(ctx, {
      ...common,
      input: { newSizeGb: input.newSizeGb, fromSizeGb: volume.sizeGb },
      demand: { volume_gb: input.newSizeGb - volume.sizeGb },
    });
  }
  const target = server!;
  const attached = volume.attachments.some((a) => a.serverExternalId === target.externalId);
  if (input.action === 'detach' && !attached) throw volumeNotAttached(volume.name, target.name);
  return queueTask(ctx, {
    ...common,
    input: { serverExternalId: target.externalId, serverId: target.id, serverName: target.name },
  });
};
