import { performResourceTask } from '../services/resources/perform-resource-task';
import { defineTaskJob } from './task-job';

/** resource.task: every storage and network task (volume.create … network.quick-start). */
export const resourceTaskJob = defineTaskJob('resource.task', (deps, payload, attempt) =>
  performResourceTask(deps, payload.taskId, attempt),
);
