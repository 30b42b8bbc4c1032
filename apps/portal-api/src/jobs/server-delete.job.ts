import { performDeleteServer } from '../services/servers/perform-delete-server';
import { defineTaskJob } from './task-job';

/** server.delete: submit (idempotent), follow until gone, mark the mirror row deleted. */
export const serverDeleteJob = defineTaskJob('server.delete', (deps, payload, attempt) =>
  performDeleteServer(deps, payload.taskId, attempt),
);
