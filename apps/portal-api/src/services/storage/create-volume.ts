import type { VolumeSource } from '@yunguan/cloud-core';
import type { CreateVolumeInput, Task } from '@yunguan/contract';
import { precondition } from '@yunguan/domain';
import type { ProjectRow } from '../../repositories/project-repository';
import type { ServiceContext } from '../context';
import { earlierTask } from '../resources/earlier-task';
import { findProjectFor } from '../projects/find-visible-project';
import { findResourceFor } from '../resources/find-resource-for';
import { queueTask } from '../tasks/queue-task';
import { projectCloud, assertCapability, type ProjectCloud } from '../project-cloud';
import { readFresh } from './storage-checks';
import { storageInvalid, storageTargetUnknown } from './storage-errors';
import { resolveVolumeType } from './volume-types-cache';
import { blockStorageOf } from '../../cloud/sub-port';

const GIB = 1024 ** 3;

/** The source as the cloud takes it, checked: visible to the project, ready, small enough. */
const resolveSource = async (
  ctx: ServiceContext,
  project: ProjectRow,
  cloud: ProjectCloud,
  input: CreateVolumeInput,
): Promise<VolumeSource> => {
  const { source } = input;
  const dc = cloud.datacenter.name;
  if (source.type === 'empty') return { type: 'empty' };
  if (source.type === 'image') {
    const images = await cloud.call((p, scope, o) => p.listImages(scope, o));
    const image = images.find((i) => i.externalId === source.imageId);
    if (!image) throw storageTargetUnknown('source.imageId', source.imageId, dc);
    if (image.status !== 'active')
      throw precondition('volume_source_not_ready', {
        what: 'Image',
        name: image.name,
        status: image.status,
      });
    const needGb = Math.max(image.minDiskGb, Math.ceil((image.sizeBytes ?? 0) / GIB));
    if (input.sizeGb < needGb)
      throw storageInvalid('sizeGb', 'volume_too_small_for_source', {
        sizeGb: input.sizeGb,
        what: 'image',
        name: image.name,
        sourceGb: needGb,
      });
    await assertCapability(cloud, 'volume.from-image', 'create volume from image');
    return { type: 'image', imageExternalId: image.externalId };
  }
  // A snapshot of THIS project (another project's, even one the caller sees, is not usable).
  const { row } = await findResourceFor(ctx, 'volume-snapshot', source.snapshotId, 'resource.read');
  if (row.projectId !== project.id)
    throw storageTargetUnknown('source.snapshotId', source.snapshotId, dc);
  if (row.datacenterId !== cloud.datacenter.id)
    throw precondition('volume_source_other_datacenter', {
      what: 'Snapshot',
      name: row.name,
      datacenter: dc,
    });
  const snapshot = await readFresh(
    cloud,
    (p, scope, o) => blockStorageOf(p).getVolumeSnapshot(scope, row.externalId, o),
    () => storageTargetUnknown('source.snapshotId', source.snapshotId, dc),
  );
  if (snapshot.status !== 'available')
    throw precondition('snapshot_not_available', {
      snapshot: snapshot.name,
      status: snapshot.status,
    });
  if (input.sizeGb < snapshot.sizeGb)
    throw storageInvalid('sizeGb', 'volume_too_small_for_source', {
      sizeGb: input.sizeGb,
      what: 'snapshot',
      name: snapshot.name,
      sourceGb: snapshot.sizeGb,
    });
  return { type: 'snapshot', snapshotExternalId: snapshot.externalId };
};

/**
 * Create a volume: resource.use in the project; the datacenter reachable; the type, the image
 * or snapshot checked; then the volumes / volume_gb quota and the task (volume.create).
 */
export const createVolume = async (
  ctx: ServiceContext,
  projectId: string,
  input: CreateVolumeInput,
): Promise<Task> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierTask(ctx, input.idempotencyKey, {
    projectId: project.id,
    action: 'volume.create',
    targetName: input.name,
  });
  if (earlier) return earlier;
  const cloud = await projectCloud(ctx, project.id, input.datacenterId);
  await assertCapability(cloud, 'volume.manage', 'create volume');
  const volumeType = input.volumeType
    ? await resolveVolumeType(ctx, cloud, input.volumeType)
    : undefined;
  const source = await resolveSource(ctx, project, cloud, input);
  return queueTask(ctx, {
    project,
    datacenterId: cloud.datacenter.id,
    action: 'volume.create',
    targetName: input.name,
    input: {
      name: input.name,
      sizeGb: input.sizeGb,
      source,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(volumeType ? { volumeType: volumeType.name } : {}),
      ...(input.availabilityZone ? { availabilityZone: input.availabilityZone } : {}),
    },
    demand: { volumes: 1, volume_gb: input.sizeGb },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
