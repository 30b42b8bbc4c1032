import { performServerAction } from '../services/servers/perform-server-action';
import { defineTaskJob } from './task-job';

/** server.action: start, stop, reboot, resize … — submit, follow until settled, mirror. */
export const serverActionJob = defineTaskJob('server.action', (deps, payload, attempt) =>
  performServerAction(deps, payload.taskId, attempt),
);
