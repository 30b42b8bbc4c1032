import type { Task, Volume } from '@yunguan/contract';
import { finishedTaskStatuses } from '@yunguan/contract';

/** Rows for volumes still being created whose mirror row does not exist yet: the create task
 * shown as a `creating` row (id `task:<task id>`) until the mirror learns the volume. */
export const isPendingVolume = (volume: Pick<Volume, 'id'>): boolean =>
  volume.id.startsWith('task:');

export const pendingVolumes = (tasks: readonly Task[], listed: readonly Volume[]): Volume[] =>
  tasks
    .filter(
      (task) =>
        task.action === 'volume.create' &&
        !finishedTaskStatuses.includes(task.status) &&
        !listed.some(
          (v) =>
            v.id === task.resourceId ||
            (task.targetExternalId !== null && v.externalId === task.targetExternalId),
        ),
    )
    .map((task): Volume => ({
      id: `task:${task.id}`,
      kind: 'volume',
      datacenterId: task.datacenterId,
      projectId: task.projectId,
      externalId: task.targetExternalId ?? '',
      name: task.targetName,
      status: 'creating',
      spec: {
        description: '',
        sizeGb: typeof task.input.sizeGb === 'number' ? task.input.sizeGb : 0,
        volumeType: typeof task.input.volumeType === 'string' ? task.input.volumeType : null,
        availabilityZone: null,
        bootable: false,
        encrypted: false,
        attachments: [],
        sourceImageExternalId: null,
        sourceSnapshotExternalId: null,
        sourceVolumeExternalId: null,
        createdAt: task.createdAt,
      },
      activeTask: { id: task.id, action: task.action, status: task.status },
      firstSeenAt: task.createdAt,
      observedAt: task.updatedAt,
      deletedAt: null,
    }));
