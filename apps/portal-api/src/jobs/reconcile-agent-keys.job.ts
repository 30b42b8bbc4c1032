import { z } from 'zod';
import { reconcileAgentKeys } from '../services/agents/reconcile-agent-keys';
import { defineJob } from './job-definition';
import type { JobDeps } from './job-deps';

export const reconcileAgentKeysJob = defineJob({
  name: 'tunnel.reconcile-agent-keys',
  queue: 'maintenance',
  payload: z.object({}).strict(),
  schedule: { every: 5 * 60 * 1000 },
  options: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: 100,
    removeOnFail: 500,
  },
  handler: (deps: JobDeps) => reconcileAgentKeys(deps),
});
