import { z } from 'zod';
import { recordAgentsSeen } from '../services/agents/record-agents-seen';
import { defineJob } from './job-definition';
import type { JobDeps } from './job-deps';

export const recordAgentsSeenJob = defineJob({
  name: 'tunnel.record-agents-seen',
  queue: 'maintenance',
  payload: z.object({}).strict(),
  schedule: { every: 30 * 1000 },
  options: { attempts: 1, removeOnComplete: 100, removeOnFail: 500 },
  handler: (deps: JobDeps) => recordAgentsSeen(deps),
});
