import type {
  Task,
  VolumeBackupDetail,
  VolumeDetail,
  VolumeSnapshotDetail,
} from '@yunguan/contract';
import { listRecentTasksOfTarget } from '../../repositories/task-repository';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { withActiveTasks } from '../resources/list-project-resources';
import { toTask } from '../tasks/to-task';
import { toVolumeBackups, toVolumeSnapshots, toVolumes, type StorageKind } from './storage-items';

/** One storage object the caller may read, as an item, with its latest tasks (newest first). */
const itemWithTasks = async (ctx: ServiceContext, kind: StorageKind, id: string) => {
  const { row } = await findResourceFor(ctx, kind, id, 'resource.read');
  const [items, recent] = await Promise.all([
    withActiveTasks(ctx, kind, [row]),
    listRecentTasksOfTarget(
      ctx.db,
      { resourceId: row.id, datacenterId: row.datacenterId, externalId: row.externalId },
      10,
    ),
  ]);
  return { items, recentTasks: recent.map((r): Task => toTask(r)) };
};

export const getVolume = async (ctx: ServiceContext, id: string): Promise<VolumeDetail> => {
  const { items, recentTasks } = await itemWithTasks(ctx, 'volume', id);
  const [volume] = await toVolumes(ctx, items);
  return { ...volume!, recentTasks };
};

export const getVolumeSnapshot = async (
  ctx: ServiceContext,
  id: string,
): Promise<VolumeSnapshotDetail> => {
  const { items, recentTasks } = await itemWithTasks(ctx, 'volume-snapshot', id);
  const [snapshot] = await toVolumeSnapshots(ctx, items);
  return { ...snapshot!, recentTasks };
};

export const getVolumeBackup = async (
  ctx: ServiceContext,
  id: string,
): Promise<VolumeBackupDetail> => {
  const { items, recentTasks } = await itemWithTasks(ctx, 'volume-backup', id);
  const [backup] = await toVolumeBackups(ctx, items);
  return { ...backup!, recentTasks };
};
