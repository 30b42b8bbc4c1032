import type { VolumeDto } from '@yunguan/cloud-core';
import { volumeActionStates } from '@yunguan/contract';
import { notFound, precondition } from '@yunguan/domain';
import type { ProjectRow } from '../../repositories/project-repository';
import type { ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { type ProjectCloud } from '../project-cloud';
import { readFresh } from './storage-checks';
import { volumeGone, volumeWrongState } from './storage-errors';
import { blockStorageOf } from '../../cloud/sub-port';

/**
 * The volume a snapshot, backup or restore names: a volume of THIS project (one of another
 * project is not usable here, even when the caller can see it: 404).
 */
export const sourceVolumeOf = async (
  ctx: ServiceContext,
  project: ProjectRow,
  volumeId: string,
): Promise<ResourceRow> => {
  const { row } = await findResourceFor(ctx, 'volume', volumeId, 'resource.read');
  if (row.projectId !== project.id) throw notFound('volume', volumeId);
  return row;
};

/** The volume as the cloud has it now, in a state a snapshot or backup can be taken in. */
export const readyVolume = async (
  cloud: ProjectCloud,
  row: Pick<ResourceRow, 'name' | 'externalId'>,
  what: 'snapshot' | 'backup',
  force: boolean,
): Promise<VolumeDto> => {
  const volume = await readFresh(
    cloud,
    (p, scope, o) => blockStorageOf(p).getVolume(scope, row.externalId, o),
    volumeGone(row.name),
  );
  const allowed = volumeActionStates[what];
  if (!allowed.includes(volume.status)) throw volumeWrongState(volume, what, allowed);
  if (volume.status === 'in-use' && !force)
    throw precondition('volume_snapshot_needs_force', { volume: volume.name, what });
  return volume;
};
