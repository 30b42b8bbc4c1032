import type { TaskAction } from '@yunguan/contract';
import { lbfwTaskHandlers } from '../resources/lbfw-task-handlers';
import { networkTaskHandlers } from '../resources/network-task-handlers';
import { storageTaskHandlers } from '../resources/storage-task-handlers';
import { createServerTask } from '../servers/tasks/create-server.task';
import { deleteServerTask } from '../servers/tasks/delete-server.task';
import { serverActionTasks } from '../servers/tasks/server-action.task';
import type { TaskDefinition } from './task-definition';

/**
 * Every task action the worker runs, one definition each (ADR 0117). Image tasks are not here:
 * they run inside the request that carries the bytes (ADR 0108).
 */
const definitions: readonly TaskDefinition<unknown>[] = [
  createServerTask,
  deleteServerTask,
  ...serverActionTasks,
  ...storageTaskHandlers,
  ...networkTaskHandlers,
  ...lbfwTaskHandlers,
];

const byAction = new Map<string, TaskDefinition<unknown>>(definitions.map((d) => [d.action, d]));

/** The definition of an action; undefined for actions the worker does not run (images). */
export const definitionOf = (action: string): TaskDefinition<unknown> | undefined =>
  byAction.get(action);

/** The actions with a definition (for tests: every queued action can be run). */
export const definedActions = (): TaskAction[] => definitions.map((d) => d.action);

/** The steps a task of this action shows (submit → wait → record unless it names its own). */
export const stepsOfAction = (action: string): readonly string[] =>
  byAction.get(action)?.steps ?? ['submit', 'wait', 'record'];
