import type { ResourceTaskHandler } from './resource-task-handler';

/** Task code of the storage actions (volume, volume-snapshot, volume-backup). */
export const storageTaskHandlers: readonly ResourceTaskHandler[] = [];
