import type { ResourceTaskRun } from '../../resources/resource-task-handler';

/** The cloud object an action task is about (every non-create task names one). */
export const targetOf = (rt: ResourceTaskRun): string => {
  const id = rt.task().targetExternalId;
  if (!id) throw new Error(`task ${rt.task().id} names no target`);
  return id;
};
