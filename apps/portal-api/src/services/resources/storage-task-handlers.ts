import { attachVolumeTask } from '../storage/tasks/attach-volume.task';
import { createVolumeBackupTask } from '../storage/tasks/create-volume-backup.task';
import { createVolumeSnapshotTask } from '../storage/tasks/create-volume-snapshot.task';
import { createVolumeTask } from '../storage/tasks/create-volume.task';
import { deleteVolumeBackupTask } from '../storage/tasks/delete-volume-backup.task';
import { deleteVolumeSnapshotTask } from '../storage/tasks/delete-volume-snapshot.task';
import { deleteVolumeTask } from '../storage/tasks/delete-volume.task';
import { detachVolumeTask } from '../storage/tasks/detach-volume.task';
import { extendVolumeTask } from '../storage/tasks/extend-volume.task';
import { restoreVolumeBackupTask } from '../storage/tasks/restore-volume-backup.task';
import type { TaskDefinition } from '../tasks/task-definition';

/** Task code of the storage actions (volume, volume-snapshot, volume-backup). */
export const storageTaskHandlers: readonly TaskDefinition[] = [
  createVolumeTask,
  deleteVolumeTask,
  extendVolumeTask,
  attachVolumeTask,
  detachVolumeTask,
  createVolumeSnapshotTask,
  deleteVolumeSnapshotTask,
  createVolumeBackupTask,
  restoreVolumeBackupTask,
  deleteVolumeBackupTask,
];
