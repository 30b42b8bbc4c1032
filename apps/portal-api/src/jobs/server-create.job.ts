import { performCreateServer } from '../services/servers/perform-create-server';
import { defineTaskJob } from './task-job';

/** server.create: look for an earlier attempt's server, create, follow to ACTIVE, mirror. */
export const serverCreateJob = defineTaskJob('server.create', (deps, payload, attempt) =>
  performCreateServer(deps, payload.taskId, attempt),
);
