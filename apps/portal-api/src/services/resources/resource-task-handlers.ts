import { lbfwTaskHandlers } from './lbfw-task-handlers';
import { networkTaskHandlers } from './network-task-handlers';
import type { ResourceTaskHandler } from './resource-task-handler';
import { storageTaskHandlers } from './storage-task-handlers';

const byAction = new Map<string, ResourceTaskHandler>(
  [...storageTaskHandlers, ...networkTaskHandlers, ...lbfwTaskHandlers].map((h) => [h.action, h]),
);

/** The code of a storage/network task action; undefined for actions without a handler. */
export const handlerOfAction = (action: string): ResourceTaskHandler | undefined =>
  byAction.get(action);

/** The steps a task of this action shows (submit → wait → record unless it names its own). */
export const stepsOfAction = (action: string): readonly string[] =>
  byAction.get(action)?.steps ?? ['submit', 'wait', 'record'];
